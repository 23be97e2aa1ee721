package org.apom.registry.api;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register. Every method checks the caller against the permission table itself (a record of another
 * province is not found), and every write is audited in its own transaction.
 */
@ProviderType
public interface VolunteerRegistry {

    /**
     * @throws org.apom.core.api.problem.ProblemException 422 with every invalid field, 409 {@code duplicate}
     *         when the national ID is already registered, 403/404 by the permission table
     */
    Volunteer register(Caller caller, VolunteerInput input);

    Volunteer get(Caller caller, String id);

    /** Records the caller may see, ordered by province, last name, first name and id. */
    Page<Volunteer> search(Caller caller, VolunteerSearch search, PageRequest page);

    /** @throws org.apom.core.api.problem.ProblemException 409 {@code illegal-transition} */
    Volunteer changeStatus(Caller caller, String id, VolunteerStatus status, String reason);

    /** Records that the caller confirmed today that the record is current. */
    Volunteer verify(Caller caller, String id);
}
