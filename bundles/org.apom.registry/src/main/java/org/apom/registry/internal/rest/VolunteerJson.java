package org.apom.registry.internal.rest;

import java.time.LocalDate;

import org.apom.core.api.Masking;
import org.apom.registry.api.Volunteer;

/**
 * A volunteer as the API shows it. Personal data (national ID, phone, address, birth date) is masked unless
 * the caller may see it; {@code masked} says which it is.
 */
public record VolunteerJson(String id, String nationalId, String title, String firstName, String lastName,
        String firstNameEn, String lastNameEn, String birthDate, String gender, String phone,
        String subdistrictCode, String districtCode, String provinceCode, String address, LocalDate registeredOn,
        String status, String statusReason, LocalDate statusChangedOn, LocalDate lastVerifiedOn,
        String lastVerifiedBy, String mergedInto, long version, boolean masked) {

    static VolunteerJson of(Volunteer v, boolean unmasked) {
        return new VolunteerJson(v.id(),
                unmasked ? v.nationalId().value() : Masking.nationalId(v.nationalId()),
                v.title(), v.firstName(), v.lastName(), v.firstNameEn(), v.lastNameEn(),
                unmasked ? v.birthDate().toString() : Masking.birthDate(v.birthDate()),
                v.gender().name(),
                unmasked ? v.phone() : Masking.phone(v.phone()),
                v.subdistrictCode().value(), v.districtCode().value(), v.provinceCode().value(),
                unmasked ? v.address() : Masking.address(v.address()),
                v.registeredOn(), v.status().name(), v.statusReason(), v.statusChangedOn(), v.lastVerifiedOn(),
                v.lastVerifiedBy(), v.mergedInto(), v.version(), !unmasked);
    }
}
