package org.apom.registry.api;

import java.time.LocalDate;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;

/**
 * One volunteer of the register, unmasked; the REST layer masks what the caller may not see.
 *
 * @param mergedInto the record this one was merged into (a duplicate of the same person), or {@code null}
 */
public record Volunteer(String id, NationalId nationalId, String title, String firstName, String lastName,
        String firstNameEn, String lastNameEn, LocalDate birthDate, Gender gender, String phone,
        SubdistrictCode subdistrictCode, DistrictCode districtCode, ProvinceCode provinceCode, String address,
        LocalDate registeredOn, VolunteerStatus status, String statusReason, LocalDate statusChangedOn,
        LocalDate lastVerifiedOn, String lastVerifiedBy, String mergedInto, long version) {
}
