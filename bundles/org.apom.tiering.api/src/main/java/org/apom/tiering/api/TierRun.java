package org.apom.tiering.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A grading of every network in scope for a fiscal year, computed in the background.
 *
 * @param province the province graded; {@code null} for a national run
 * @param status {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param done networks graded so far, of {@code total}
 * @param failedCriteria codes of criteria that failed for at least one network (the run is still done)
 */
public record TierRun(String id, int fiscalYear, @Schema(nullable = true) String province, String status, int total, int done,
        List<String> failedCriteria, TierConfiguration configuration, String createdBy, Instant createdAt,
        @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) String failure) {

    public TierRun {
        failedCriteria = List.copyOf(failedCriteria);
    }
}
