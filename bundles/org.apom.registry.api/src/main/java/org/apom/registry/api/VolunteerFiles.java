package org.apom.registry.api;

import java.io.IOException;
import java.io.OutputStream;

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
