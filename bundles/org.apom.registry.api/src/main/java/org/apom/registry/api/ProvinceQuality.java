package org.apom.registry.api;

import java.util.Map;

import org.apom.core.api.ProvinceCode;

/**
 * How good one province's part of the register is: records by status, the share that is complete (phone and
 * address known), the share confirmed within the last 12 months, and the open suspected duplicates (pairs of
 * records with the same names and birth date that no one has dismissed or merged). Merged records do not count.
 */
public record ProvinceQuality(ProvinceCode province, long records, Map<VolunteerStatus, Long> byStatus,
        double completePercent, double verifiedWithin12MonthsPercent, long suspectedDuplicates) {

    public ProvinceQuality {
        byStatus = Map.copyOf(byStatus);
    }
}
