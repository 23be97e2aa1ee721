package org.apom.extensions.admin;

import java.time.Instant;

/**
 * A jar submitted for review.
 *
 * @param state {@code SUBMITTED}, {@code APPROVED}, {@code REJECTED} or {@code REVOKED}
 * @param reason the reviewer's, or {@code null}
 */
public record Submission(String id, String symbolicName, String province, String version, String sha256,
        String state, String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, String reason) {
}
