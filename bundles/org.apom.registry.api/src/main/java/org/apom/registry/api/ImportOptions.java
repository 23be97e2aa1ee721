package org.apom.registry.api;

import org.apom.core.api.ProvinceCode;

/**
 * How to import a file.
 *
 * @param province only rows of this province may go in (others are rejected); {@code null} for any the caller
 *        may write
 * @param dryRun check every row and report, but write nothing
 * @param atomic all rows go in or none does
 */
public record ImportOptions(ProvinceCode province, boolean dryRun, boolean atomic) {

    public static final ImportOptions DEFAULT = new ImportOptions(null, false, false);
}
