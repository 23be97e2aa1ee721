package org.apom.registry.internal.rest;

import java.time.Instant;
import java.util.List;

import org.apom.registry.api.ImportReport;
import org.apom.registry.api.ImportStatus;
import org.apom.registry.api.RowError;

import io.swagger.v3.oas.annotations.media.Schema;

/** An import as the API shows it: {@link ImportReport} with the province as its code, like every other answer. */
@Schema(name = "ImportReport")
public record ImportReportJson(String id, ImportStatus status,
        @Schema(nullable = true, description = "the province the file was for; null when none was given")
        String province,
        boolean dryRun, boolean atomic,
        @Schema(description = "how the file was read: UTF-8 or windows-874 (TIS-620)") String encoding,
        @Schema(description = "data rows in the file") int rows,
        @Schema(description = "rows checked so far (all of them once DONE)") int processed,
        @Schema(description = "rows that went in (that would go in, on a dry run)") int accepted,
        @Schema(description = "rows that did not, each with its errors") int rejected,
        @Schema(description = "header columns the register does not know (reported, not fatal)")
        List<String> unknownColumns,
        List<RowError> errors, String createdBy, Instant createdAt, @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "why the import failed as a whole, when FAILED") String failure,
        @Schema(nullable = true, description = "until when the rows that did not go in may be downloaded, to fix and"
                + " send again, from {id}/rejected; null when none are kept") Instant rejectedRowsUntil) {

    static ImportReportJson of(ImportReport r) {
        return new ImportReportJson(r.id(), r.status(), r.province() == null ? null : r.province().value(),
                r.dryRun(), r.atomic(), r.encoding(), r.rows(), r.processed(), r.accepted(), r.rejected(),
                r.unknownColumns(), r.errors(), r.createdBy(), r.createdAt(), r.finishedAt(), r.failure(),
                r.rejectedRowsUntil());
    }
}
