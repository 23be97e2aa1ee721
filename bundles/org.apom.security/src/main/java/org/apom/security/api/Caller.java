package org.apom.security.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apom.core.api.ProvinceCode;

/**
 * Who is asking: a person, an integrator token or the platform itself. Every service method that reads or
 * writes province data takes the caller and checks it against {@link AccessPolicy} itself, so a shell
 * command, a job or an extension meets the same check as a REST call.
 *
 * @param name the username, {@code token:<id>} for an API token (its id: token names are not unique), or the
 *        job's name
 * @param kind what kind of caller
 * @param roles the caller's roles
 * @param province the province a province-bound role or a province token is limited to; {@code null} if none
 * @param scopes for integrator tokens, the actions (by {@link Action#id()}) the token may do
 * @param requestId the id of the request being served (also in the audit trail); {@code null} outside requests
 */
public record Caller(String name, Kind kind, Set<Role> roles, ProvinceCode province, Set<String> scopes,
        String requestId) {

    /** The kinds of caller. */
    public enum Kind {
        PERSON, TOKEN, SYSTEM
    }

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public static Caller person(String username, Set<Role> roles, ProvinceCode province) {
        return new Caller(username, Kind.PERSON, roles, province, Set.of(), null);
    }

    public static Caller token(String name, Set<String> scopes, ProvinceCode province) {
        return new Caller(name, Kind.TOKEN, Set.of(Role.INTEGRATOR), province, scopes, null);
    }

    /** The platform acting on its own (first start, scheduled jobs): a central admin, audited as such. */
    public static Caller system(String job) {
        return new Caller(job, Kind.SYSTEM, Set.of(Role.CENTRAL_ADMIN), null, Set.of(), null);
    }

    /**
     * The central admin logged in to the Karaf shell, named in the audit trail (only central admins reach the
     * shell: the apom realm gives only them the ssh role).
     */
    @SuppressWarnings("removal") // Karaf 4.4 hands the shell's JAAS subject over the access control context
    public static Caller shell() {
        javax.security.auth.Subject subject = javax.security.auth.Subject.getSubject(
                java.security.AccessController.getContext());
        String user = subject == null ? null : subject.getPrincipals().stream()
                .filter(p -> p.getClass().getSimpleName().equals("UserPrincipal")).map(java.security.Principal::getName)
                .findFirst().orElse(null);
        return system(user == null ? "karaf-shell" : "karaf-shell:" + user);
    }

    /** The same caller, serving the request with that id. */
    public Caller inRequest(String id) {
        return new Caller(name, kind, roles, province, scopes, id);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Optional<ProvinceCode> provinceScope() {
        return Optional.ofNullable(province);
    }
}
