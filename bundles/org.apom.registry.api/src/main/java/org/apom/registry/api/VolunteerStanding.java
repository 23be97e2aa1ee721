package org.apom.registry.api;

import java.time.LocalDate;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;

/**
 * Where a volunteer stands in the register, without personal data: where they live (by area code), their status,
 * and when they were registered and last confirmed current. What other parts of the platform (networks, tiering,
 * recognition) need of a record.
 *
 * @param mergedInto the record this one was merged into, or {@code null}
 * @since 1.4
 */
public record VolunteerStanding(String id, SubdistrictCode subdistrictCode, ProvinceCode provinceCode,
        VolunteerStatus status, LocalDate registeredOn, LocalDate lastVerifiedOn, String mergedInto) {
}
