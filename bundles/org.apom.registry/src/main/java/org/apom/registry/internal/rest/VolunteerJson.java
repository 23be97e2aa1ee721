package org.apom.registry.internal.rest;

import java.time.LocalDate;

import org.apom.core.api.Masking;
import org.apom.registry.api.Volunteer;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A volunteer as the API shows it. Personal data (national ID, phone, address, birth date) is masked unless
 * the caller may see it; {@code masked} says which it is.
 */
public record VolunteerJson(String id,
        @Schema(description = "13 digits, or masked such as x-xxxx-xxxx5-63-5") String nationalId,
        String title, String firstName, String lastName,
        @Schema(nullable = true) String firstNameEn, @Schema(nullable = true) String lastNameEn,
        @Schema(description = "ISO date, or the year alone when masked") String birthDate,
        @Schema(allowableValues = {"MALE", "FEMALE", "OTHER"}) String gender,
        @Schema(nullable = true) String phone,
        String subdistrictCode, String districtCode, String provinceCode, @Schema(nullable = true) String address,
        LocalDate registeredOn,
        @Schema(allowableValues = {"ACTIVE", "SUSPENDED", "RESIGNED", "DECEASED"}) String status,
        @Schema(nullable = true) String statusReason, @Schema(nullable = true) LocalDate statusChangedOn,
        @Schema(nullable = true) LocalDate lastVerifiedOn, @Schema(nullable = true) String lastVerifiedBy,
        @Schema(nullable = true, description = "the record this one was merged into") String mergedInto,
        long version, boolean masked) {

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
