package org.apom.registry.api;

import java.util.Map;

import org.apom.core.api.ProvinceCode;

/**
 * How good one province's part of the register is: records by status, the share that is complete (phone and
 * address known), the share confirmed within the last 12 months, and groups of records that are probably the
 * same person (same names and birth date).
 */
public record ProvinceQuality(ProvinceCode province, long records, Map<VolunteerStatus, Long> byStatus,
        double completePercent, double verifiedWithin12MonthsPercent, long suspectedDuplicates) {

    public ProvinceQuality {
        byStatus = Map.copyOf(byStatus);
    }
}
