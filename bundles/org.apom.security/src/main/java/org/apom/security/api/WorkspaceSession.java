package org.apom.security.api;

import java.util.Objects;

/**
 * One signed-in person in the workspace.
 *
 * @param id the session's secret id, for the cookie only (the database keeps its hash)
 * @param caller who signed in, with their roles as they are now
 * @param csrfToken the token every form and every unsafe request of this session must carry
 * @param secure whether the session reached its client encrypted (its cookie is then {@code Secure})
 * @since 1.8
 */
public record WorkspaceSession(String id, Caller caller, String csrfToken, boolean secure) {

    public WorkspaceSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }
}
