package org.apom.security.api;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * People and their roles, kept in the platform's database with Argon2id password hashes. Every method
 * checks the caller against {@link AccessPolicy}: central admins manage everyone, a province admin only the
 * officers of their own province.
 */
@ProviderType
public interface UserDirectory {

    /** The client address of logins on this host (the Karaf shell and JMX through the JAAS realm). */
    String LOCAL = "local";

    /**
     * Checks a username and password from this host ({@link #LOCAL}).
     *
     * @see #authenticate(String, char[], String)
     */
    default Caller authenticate(String username, char[] password) {
        return authenticate(username, password, LOCAL);
    }

    /**
     * Checks a username and password; counts failures per (username, client address), known account or not, and
     * locks that pair out after too many in a row, each time longer (from one minute up to the configured time).
     *
     * @param clientAddress where the login comes from, e.g. the HTTP client's address
     * @throws org.apom.core.api.problem.ProblemException 401 {@code invalid-credentials},
     *         {@code account-locked} or {@code account-disabled}
     * @since 1.3
     */
    Caller authenticate(String username, char[] password, String clientAddress);

    /** @throws org.apom.core.api.problem.ProblemException 422 invalid, 409 duplicate, 403 not allowed */
    UserView create(Caller caller, NewUser user);

    UserView get(Caller caller, String username);

    /** The accounts the caller may see, ordered by username. */
    Page<UserView> list(Caller caller, PageRequest page);

    /**
     * @param expectedVersion the version the caller read (the ETag); negative for "any" ({@code If-Match: *})
     * @throws org.apom.core.api.problem.ProblemException 412 when {@code expectedVersion} is stale
     */
    UserView update(Caller caller, String username, UserChange change, long expectedVersion);
}
