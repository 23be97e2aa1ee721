package org.apom.networks.internal.rest;

import java.time.Instant;
import java.util.List;

import org.apom.networks.api.ActivityImport;
import org.apom.registry.api.RowError;

import io.swagger.v3.oas.annotations.media.Schema;

/** An activity import's report. */
public record ActivityImportJson(String id, String networkId,
        @Schema(allowableValues = {"QUEUED", "RUNNING", "DONE", "FAILED"}) String status, boolean dryRun,
        String encoding, int rows, int processed, int accepted, int rejected,
        List<RowError> errors,
        String createdBy, Instant createdAt, @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "why the import failed as a whole") String failure) {

    static ActivityImportJson of(ActivityImport i) {
        return new ActivityImportJson(i.id(), i.networkId(), i.status(), i.dryRun(), i.encoding(), i.rows(),
                i.processed(), i.accepted(), i.rejected(), i.errors(), i.createdBy(), i.createdAt(), i.finishedAt(),
                i.failure());
    }
}
