package org.apom.registry.api;

import java.util.List;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Volunteers who move: the receiving province asks for a record by the person's national ID, the sending
 * province (or a central admin) approves or rejects, and on approval the record moves with its id and history.
 * Every step needs {@code volunteers:write} in the province concerned and is audited.
 */
@ProviderType
public interface VolunteerTransfers {

    /**
     * Asks for the record with that national ID to move to the subdistrict's province. Each request is counted
     * as a national-ID probe of the caller (it says whether the person is registered elsewhere).
     *
     * @throws org.apom.core.api.problem.ProblemException 422 invalid fields, 404 no such record, 409
     *         {@code already-in-province} or {@code transfer-pending}, 429 {@code probe-limit}
     */
    Transfer request(Caller caller, String nationalId, String subdistrictCode, String reason);

    /**
     * Approves (the record moves) or rejects (with a reason) a request, as the sending province or a central
     * admin.
     *
     * @throws org.apom.core.api.problem.ProblemException 404 for a request the caller may not decide, 409
     *         {@code illegal-transition} when it is already decided
     */
    Transfer decide(Caller caller, String id, boolean approve, String reason);

    Transfer get(Caller caller, String id);

    /** The latest requests (at most 500) into or out of the province, or of every province the caller may see. */
    List<Transfer> list(Caller caller, ProvinceCode province);
}
