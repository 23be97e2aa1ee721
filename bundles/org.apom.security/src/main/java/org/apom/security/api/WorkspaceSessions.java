package org.apom.security.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The signed-in sessions of the officers' workspace (the web pages at {@code /}): a person signs in once with their
 * password and is then known by an opaque session id in a cookie. The password check is the API's own: the same
 * accounts, lockout, failed-login budget per address, bounded Argon2 checks and the HTTPS rule. Sessions live in the
 * database, so a restart or a second node keeps them; each ends at sign-out, after the configured idle time, after
 * the configured longest time, or as soon as its account is disabled.
 *
 * @since 1.8
 */
@ProviderType
public interface WorkspaceSessions {

    /**
     * Checks the password and opens a session.
     *
     * @throws org.apom.core.api.problem.ProblemException 401 ({@code invalid-credentials}, {@code account-locked},
     *         {@code account-disabled}), 403 {@code https-required}, 429 {@code rate-limited}, 503 {@code busy}: the
     *         API's answers to the same password
     */
    WorkspaceSession signIn(String username, char[] password, ClientTransport from);

    /**
     * The open session of that id, with its person's roles as they are now; empty when there is none, or when it
     * idled out or its account was disabled (it is then closed). Each use counts as activity.
     */
    Optional<WorkspaceSession> resume(String sessionId);

    /** Closes the session; nothing happens when there is none. */
    void signOut(String sessionId);

    /**
     * Whether the visit reached the platform encrypted, as the API's transport policy judges it (a trusted proxy's
     * {@code X-Forwarded-Proto} counts, anyone else's does not): the workspace's cookies are {@code Secure} then.
     */
    boolean secure(ClientTransport from);
}
