package org.apom.registry.api;

import java.util.List;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The data-quality rules that provinces contribute (their extensions' record checks), run on request beside the
 * register's own figures. Each check runs over the records of its own province only, with a time limit; one
 * that throws, overruns or leaves is reported as such, and never fails the run of the others.
 */
@ProviderType
public interface ContributedChecks {

    /**
     * Runs every check that applies to the province over its records (merged ones aside).
     *
     * @return one run per check; empty when there is none, or when the caller may not read the province
     */
    List<CheckRun> runOver(Caller caller, ProvinceCode province);

    /** Runs the checks of the record's province on the record; empty when the caller may not read it. */
    List<CheckRun> runOn(Caller caller, String volunteerId);
}
