package org.apom.tiering.internal.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.TierCriterion;

/** What the core criteria share: their code, names and default weight, and scoring toward a target. */
abstract class CoreCriterion implements TierCriterion {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String code;
    private final LocalizedText name;
    private final int weight;

    CoreCriterion(String code, String english, String thai, int weight) {
        this.code = code;
        this.name = LocalizedText.of(english, thai);
        this.weight = weight;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public LocalizedText name() {
        return name;
    }

    @Override
    public int weight() {
        return weight;
    }

    /** The value divided by the whole, to two places; 0 for no whole. */
    static BigDecimal per(BigDecimal value, int whole) {
        return whole <= 0 ? BigDecimal.ZERO : value.divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** 100 at or above the target, in proportion below it, to two places. */
    static BigDecimal towards(BigDecimal value, BigDecimal target) {
        BigDecimal score = value.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
        return score.min(HUNDRED).max(BigDecimal.ZERO);
    }

    /**
     * The share of the fiscal year gone by on the facts' day, in whole months (1/12 to 1): a year's target of
     * activities, hours or people helped is asked of the year under way in proportion.
     */
    static BigDecimal yearGoneBy(FiscalYear year, java.time.LocalDate asOf) {
        return BigDecimal.valueOf(monthsGoneBy(year, asOf)).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
    }

    /** Months of the fiscal year begun by the day (1 to 12). */
    static int monthsGoneBy(FiscalYear year, java.time.LocalDate asOf) {
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(year.start().withDayOfMonth(1),
                asOf.withDayOfMonth(1)) + 1;
        return Math.max(1, Math.min(12, months));
    }

    /** A year's target, asked in proportion of the year gone by, to two places. */
    static BigDecimal target(BigDecimal yearly, FiscalYear year, java.time.LocalDate asOf) {
        return yearly.multiply(yearGoneBy(year, asOf)).setScale(2, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
