package org.apom.networks.api;

import java.time.Instant;
import java.util.List;

import org.apom.registry.api.RowError;

/**
 * A spreadsheet of one network's activities, as far as it has come: the rows read, those recorded and those
 * rejected with their line, column and reason. An import cut off by a stop or a crash resumes at the next start.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED} (as a whole: {@code failure} says why)
 * @param dryRun whether the rows were only checked, nothing recorded
 */
public record ActivityImport(String id, String networkId, String status, boolean dryRun, String encoding, int rows,
        int processed, int accepted, int rejected, List<RowError> errors, String createdBy, Instant createdAt,
        Instant finishedAt, String failure) {

    public ActivityImport {
        errors = List.copyOf(errors);
    }
}
