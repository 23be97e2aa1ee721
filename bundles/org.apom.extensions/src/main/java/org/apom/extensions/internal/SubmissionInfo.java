package org.apom.extensions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apom.extensions.internal.jpa.SubmissionEntity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A jar submitted for review as the reviewer and its province see it. The one-submission answer also carries
 * its manifest and how it differs from the version it would replace ({@code comparedWith}); lists leave them out.
 *
 * @param state {@code SUBMITTED}, {@code APPROVED} or {@code REJECTED}
 * @param reason the reviewer's, required for a rejection
 */
public record SubmissionInfo(String id, String symbolicName, String province, String version, String sha256,
        String state, String submittedBy, Instant submittedAt, @Schema(nullable = true) String reviewedBy,
        @Schema(nullable = true) Instant reviewedAt, @Schema(nullable = true) String reason,
        @Schema(nullable = true, description = "the jar's headers; in the answer of one submission only")
        Map<String, String> manifest,
        @Schema(nullable = true, description = "the version the changes are against; null for a first one")
        String comparedWith,
        @Schema(nullable = true, description = "in the answer of one submission only") List<HeaderChange> changes) {

    /** A manifest header that the submitted jar adds, removes or changes. */
    public record HeaderChange(String header, @Schema(nullable = true) String before,
            @Schema(nullable = true) String after) {
    }

    static SubmissionInfo of(SubmissionEntity e) {
        return new SubmissionInfo(e.id(), e.symbolicName(), e.province(), e.bundleVersion(), e.sha256(),
                e.state().name(), e.submittedBy(), e.submittedAt(), e.reviewedBy(), e.reviewedAt(), e.reason(), null,
                null, null);
    }

    SubmissionInfo withReport(Map<String, String> headers, String comparedWith, List<HeaderChange> differences) {
        return new SubmissionInfo(id, symbolicName, province, version, sha256, state, submittedBy, submittedAt,
                reviewedBy, reviewedAt, reason, headers, comparedWith, differences);
    }
}
