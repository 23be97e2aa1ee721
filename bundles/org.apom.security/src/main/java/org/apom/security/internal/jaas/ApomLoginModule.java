package org.apom.security.internal.jaas;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.apom.security.api.UserDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Logs people in against {@link UserDirectory}. A central admin also gets Karaf's own administrative roles
 * (and {@code ssh}), so only central admins reach the shell and may use its commands.
 */
public final class ApomLoginModule implements LoginModule {

    static final List<String> KARAF_ADMIN_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private Subject subject;
    private CallbackHandler callbacks;
    private BundleContext context;
    private Caller caller;
    private final Set<Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.context = (BundleContext) options.get(BundleContext.class.getName());
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot ask for credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword() == null ? new char[0] : password.getPassword();
        ServiceReference<UserDirectory> ref = context.getServiceReference(UserDirectory.class);
        UserDirectory users = ref == null ? null : context.getService(ref);
        if (users == null) {
            throw new LoginException("the accounts are not available yet");
        }
        try {
            caller = users.authenticate(String.valueOf(name.getName()), secret);
            return true;
        } catch (ProblemException e) {
            throw new FailedLoginException(e.code());
        } finally {
            Arrays.fill(secret, '\0');
            password.clearPassword();
            context.ungetService(ref);
        }
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        principals.add(new UserPrincipal(caller.name()));
        for (Role role : caller.roles()) {
            principals.add(new RolePrincipal(role.id()));
        }
        if (caller.has(Role.CENTRAL_ADMIN)) {
            KARAF_ADMIN_ROLES.forEach(r -> principals.add(new RolePrincipal(r)));
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        caller = null;
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        caller = null;
        return true;
    }
}
