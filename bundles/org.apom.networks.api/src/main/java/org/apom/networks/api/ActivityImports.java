package org.apom.networks.api;

import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Activities arriving as spreadsheets, a network at a time, under the register's import rules: CSV in UTF-8,
 * UTF-16 or TIS-620, dates ISO or in the Buddhist era, participants by national ID (or volunteer id), every rejected
 * row reported and the rest recorded, one chunk at a time so that a stopped import resumes where it was.
 */
@ProviderType
public interface ActivityImports {

    /**
     * Reads the file at once (a file that cannot be read is refused and nothing queued) and queues its rows.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 {@code unknown-encoding}, {@code mis-encoded},
     *         {@code malformed-csv}, {@code missing-column}, {@code empty-file}; 413 {@code too-large}
     */
    ActivityImport start(Caller caller, String networkId, byte[] file, boolean dryRun);

    /** An import of the network, with every rejected row. */
    ActivityImport get(Caller caller, String networkId, String importId);
}
