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
 */
public record ImportReport(String id, ImportStatus status, ProvinceCode province, boolean dryRun, boolean atomic,
        String encoding, int rows, int processed, int accepted, int rejected, List<String> unknownColumns,
        List<RowError> errors, String createdBy, Instant createdAt, Instant finishedAt, String failure) {

    public ImportReport {
        unknownColumns = List.copyOf(unknownColumns);
        errors = List.copyOf(errors);
    }

    public boolean finished() {
        return status == ImportStatus.DONE || status == ImportStatus.FAILED;
    }
}
