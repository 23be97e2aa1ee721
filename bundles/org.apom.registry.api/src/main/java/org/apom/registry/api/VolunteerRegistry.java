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

    /**
     * Changes fields (a JSON merge patch of {@link VolunteerInput}'s fields as text: a key with {@code null}
     * clears an optional field, an absent key leaves it). The whole record is checked again.
     *
     * @param expectedVersion the version the caller read; negative for any
     * @throws org.apom.core.api.problem.ProblemException 412 when stale, 422 invalid, 409 duplicate ID
     */
    Volunteer update(Caller caller, String id, java.util.Map<String, String> changes, long expectedVersion);

    /** Data quality per province the caller may see (only {@code province} when given), by province code. */
    java.util.List<ProvinceQuality> dataQuality(Caller caller, org.apom.core.api.ProvinceCode province);

    /**
     * How many records (merged ones aside) each district of the province has, by status: counts only, no
     * personal data. Empty for a province the caller may not see.
     */
    java.util.Map<org.apom.core.api.DistrictCode, java.util.Map<VolunteerStatus, Long>> countByDistrict(Caller caller,
            org.apom.core.api.ProvinceCode province);

    /**
     * Suspected duplicates: pairs of records (neither merged) with the same names and birth date and different
     * IDs, that no one has dismissed; both in the province, or in provinces the caller may see.
     */
    Page<DuplicatePair> duplicates(Caller caller, org.apom.core.api.ProvinceCode province, PageRequest page);

    /**
     * Remembers that two records are different people, so that the pair is no longer suspected.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 without a reason or with the same id twice
     */
    void dismissDuplicate(Caller caller, String firstId, String secondId, String reason);

    /**
     * Merges a duplicate into the record that survives: the survivor takes what it lacks (phone, address,
     * English names, a later check) and the duplicate stays, marked as merged into it, with its history; both
     * are audited.
     *
     * @throws org.apom.core.api.problem.ProblemException 409 {@code already-merged} when either one is merged
     */
    Volunteer merge(Caller caller, String survivorId, String mergedId);

    /**
     * {@link #merge(Caller, String, String)} when both records are still at the versions the caller read: both
     * rows are locked (in the order of their ids) and checked in one transaction, so that two merges crossing the
     * same pair (A into B, B into A) cannot both go through. Both records get a new version.
     *
     * @param survivorVersion the survivor's version the caller read; {@code Preconditions.ANY} for any
     * @param mergedVersion the duplicate's version the caller read; {@code Preconditions.ANY} for any
     * @throws org.apom.core.api.problem.ProblemException 412 {@code precondition-failed} when either one changed,
     *         409 {@code already-merged} when either one is merged
     * @since 1.2
     */
    Volunteer merge(Caller caller, String survivorId, long survivorVersion, String mergedId, long mergedVersion);

    /**
     * The changes of a record, oldest first: who, when, what, before and after (personal data masked), with
     * those of the records merged into it.
     */
    java.util.List<org.apom.security.api.AuditEntry> history(Caller caller, String id);
}
