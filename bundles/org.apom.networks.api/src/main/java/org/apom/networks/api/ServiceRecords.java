package org.apom.networks.api;

import org.apom.core.api.FiscalYear;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One volunteer's service in the networks, for those who judge it (recognition: eligibility, a nomination's
 * dossier): where the volunteer belongs and sits today, and what they took part in, fiscal year by fiscal year.
 *
 * @since 1.1
 */
@ProviderType
public interface ServiceRecords {

    /**
     * The volunteer's service from fiscal year {@code from} to {@code to}, both included. The caller must be able to
     * read the volunteer ({@code volunteers:read}) and the networks of the volunteer's province
     * ({@code networks:read}).
     *
     * @throws org.apom.core.api.problem.ProblemException 404 {@code not-found} for a volunteer the caller may not
     *         read or that does not exist, 403 for a caller who may read no networks
     */
    ServiceRecord of(Caller caller, String volunteerId, FiscalYear from, FiscalYear to);
}
