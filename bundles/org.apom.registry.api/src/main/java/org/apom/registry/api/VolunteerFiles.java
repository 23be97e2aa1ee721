package org.apom.registry.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register's files: CSV imports as provinces send them (shared/docs/api.md, "Import file") and the
 * export in the same columns. Imports run in the background, in recorded chunks, and resume after a restart.
 */
@ProviderType
public interface VolunteerFiles {

    /**
     * Reads the file (encoding, header, CSV structure) and queues its import.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 when the file cannot be read as a register file
     *         (unknown encoding, mis-decoded Thai, broken quoting, a required column missing), 403 by the table
     */
    ImportReport startImport(Caller caller, byte[] file, ImportOptions options);

    /**
     * How many imports this node runs and queues now; counts only, so no caller is needed.
     *
     * @since 1.1
     */
    ImportActivity activity();

    /** The import as it stands; another province's import is not found. */
    ImportReport importReport(Caller caller, String id);

    /**
     * The imports, newest first, as far as the caller may read them (central callers all, a province's callers
     * their province's), without their row errors ({@code rejected} counts them; {@link #importReport} has them).
     *
     * @since 1.6
     */
    Page<ImportReport> imports(Caller caller, PageRequest page);

    /**
     * Writes the rows of a finished import that did not go in as a file to fix and send again: UTF-8 CSV with a
     * byte-order mark, the sent file's own header and cells, and a last column {@code import_errors} with each
     * row's line in the sent file and its reasons in {@code language} (which the import ignores when the file
     * comes back). Every row of an all-or-nothing import that was refused is in it, since none went in. The rows
     * are kept until {@link ImportReport#rejectedRowsUntil()}; they are the sent file's personal data, so they
     * need the right to read it for the import's province, and each download is audited.
     *
     * @return how many rows were written
     * @throws org.apom.core.api.problem.ProblemException 404 when there is no such import or no rows are kept,
     *         403 without the right to read personal data
     * @since 1.6
     */
    int rejectedRows(Caller caller, String id, Locale language, OutputStream out) throws IOException;

    /**
     * Checks that the caller may export the province (all the caller may see when {@code null}): the export
     * carries personal data whole, so that it imports again as it is.
     *
     * @throws org.apom.core.api.problem.ProblemException 403 otherwise
     */
    void requireExport(Caller caller, ProvinceCode province);

    /**
     * Writes the records of the province (all the caller may see when {@code null}) as a UTF-8 CSV with a
     * byte-order mark, in the import's columns, so that the file imports again as it is.
     *
     * @return how many records were written
     */
    int export(Caller caller, ProvinceCode province, OutputStream out) throws IOException;
}
