package org.apom.registry.api;

import java.time.Instant;
import java.util.List;

import org.apom.core.api.ProvinceCode;

/**
 * An import as it stands.
 *
 * @param rows data rows in the file
 * @param processed rows checked so far (all of them once DONE)
 * @param accepted rows that went in (that would go in, on a dry run)
 * @param rejected rows that did not, each with its errors in {@code errors}
 * @param encoding how the file was read: {@code UTF-8} or {@code windows-874} (TIS-620)
 * @param unknownColumns header columns the register does not know (reported, not fatal)
 * @param failure why the import failed as a whole, when FAILED
 * @param rejectedRowsUntil until when the rows that did not go in may be downloaded to fix
 *        ({@link VolunteerFiles#rejectedRows}); {@code null} when none are kept (none rejected, the import not
 *        finished or failed, or the time passed)
 */
public record ImportReport(String id, ImportStatus status, ProvinceCode province, boolean dryRun, boolean atomic,
        String encoding, int rows, int processed, int accepted, int rejected, List<String> unknownColumns,
        List<RowError> errors, String createdBy, Instant createdAt, Instant finishedAt, String failure,
        Instant rejectedRowsUntil) {

    public ImportReport {
        unknownColumns = List.copyOf(unknownColumns);
        errors = List.copyOf(errors);
    }

    /** An import without rejected rows to download, as 1.5 made them. */
    public ImportReport(String id, ImportStatus status, ProvinceCode province, boolean dryRun, boolean atomic,
            String encoding, int rows, int processed, int accepted, int rejected, List<String> unknownColumns,
            List<RowError> errors, String createdBy, Instant createdAt, Instant finishedAt, String failure) {
        this(id, status, province, dryRun, atomic, encoding, rows, processed, accepted, rejected, unknownColumns, errors,
                createdBy, createdAt, finishedAt, failure, null);
    }

    public boolean finished() {
        return status == ImportStatus.DONE || status == ImportStatus.FAILED;
    }
}
