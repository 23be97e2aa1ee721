package org.apom.tiering.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a run grades by: the lowest total score of tier A and of tier B, and each criterion's weight (a criterion not
 * named weighs its own default). Kept with every run, so a later change of configuration never rewrites a result.
 */
public record TierConfiguration(BigDecimal thresholdA, BigDecimal thresholdB, Map<String, Integer> weights) {

    public TierConfiguration {
        weights = Map.copyOf(weights);
    }

    /** The tier of a total score: A from {@code thresholdA} up, B from {@code thresholdB} up, else C. */
    public Tier tierOf(BigDecimal total) {
        return total.compareTo(thresholdA) >= 0 ? Tier.A : total.compareTo(thresholdB) >= 0 ? Tier.B : Tier.C;
    }
}
