package org.apom.registry.api;

import java.time.LocalDate;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;

/**
 * Filters of a register search; {@code null} means any. {@code q} is a name prefix (Thai, or English in any
 * case) or a whole national ID in any written form; {@code verifiedBefore} finds records not confirmed since.
 */
public record VolunteerSearch(ProvinceCode province, DistrictCode district, SubdistrictCode subdistrict,
        VolunteerStatus status, String q, LocalDate verifiedBefore) {

    public static VolunteerSearch all() {
        return new VolunteerSearch(null, null, null, null, null, null);
    }
}
