package org.apom.registry.internal.shell;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.apom.security.api.Caller;

/**
 * The caller of a shell command: the platform acting for the logged-in central admin (only central admins
 * reach the shell; the apom realm gives only them the ssh role), named in the audit trail.
 */
final class ShellCaller {

    private ShellCaller() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 hands the shell's JAAS subject over the access control context
    static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = subject == null ? null : subject.getPrincipals().stream()
                .filter(p -> p.getClass().getSimpleName().equals("UserPrincipal")).map(Principal::getName)
                .findFirst().orElse(null);
        return Caller.system(user == null ? "karaf-shell" : "karaf-shell:" + user);
    }
}
