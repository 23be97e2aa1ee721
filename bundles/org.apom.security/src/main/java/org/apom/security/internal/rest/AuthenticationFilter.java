package org.apom.security.internal.rest;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apom.core.api.LocalizedText;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Every request to the API but the two public ones must carry valid credentials; the caller's name and roles
 * then travel in the request's SecurityContext. People log in against the JAAS realm; the security issue
 * adds the platform's own realm, integrator tokens and lockout.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
public final class AuthenticationFilter implements ContainerRequestFilter {

    /** The only resources anyone may read without logging in (shared/docs/api.md). */
    static final Set<String> PUBLIC = Set.of("health", "openapi.json");
    static final String REALM = "karaf";

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (isPublic(request.getMethod(), request.getUriInfo().getPath())) {
            return;
        }
        BasicCredentials credentials = BasicCredentials.parse(request.getHeaderString("Authorization"));
        Subject subject = login(credentials);
        Set<String> roles = new HashSet<>();
        subject.getPrincipals(RolePrincipal.class).forEach(r -> roles.add(r.getName()));
        request.setSecurityContext(new CallerContext(credentials.username(), roles,
                "https".equals(request.getUriInfo().getRequestUri().getScheme())));
    }

    static boolean isPublic(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return ("GET".equals(method) || "HEAD".equals(method)) && PUBLIC.contains(p);
    }

    private static Subject login(BasicCredentials credentials) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the JAAS login module proxy must be visible to the loader LoginContext uses
        thread.setContextClassLoader(AuthenticationFilter.class.getClassLoader());
        try {
            new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(credentials.username());
                    } else if (callback instanceof PasswordCallback password) {
                        password.setPassword(credentials.password());
                    }
                }
            }).login();
            return subject;
        } catch (LoginException e) {
            throw BasicCredentials.unauthorized("invalid-credentials", LocalizedText.of(
                    "The username or password is wrong.", "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"));
        } finally {
            Arrays.fill(credentials.password(), '\0');
            thread.setContextClassLoader(previous);
        }
    }
}
