package org.apom.networks.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a volunteer took part in during one fiscal year.
 *
 * @param fiscalYear the Buddhist-era fiscal year
 * @param activities the activities they took part in
 * @param hours the hours they gave, over those activities
 * @param beneficiaries the people those activities helped
 * @param byKind how many of the activities were of each kind of the catalogue
 * @since 1.1
 */
public record ServiceYear(int fiscalYear, int activities, BigDecimal hours, int beneficiaries,
        Map<String, Integer> byKind) {

    public ServiceYear {
        byKind = Map.copyOf(byKind);
    }
}
