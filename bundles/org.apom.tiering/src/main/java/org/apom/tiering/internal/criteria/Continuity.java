package org.apom.tiering.internal.criteria;

import java.math.BigDecimal;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.osgi.service.component.annotations.Component;

/**
 * Continuous work: the share of the fiscal year's months (those gone by, for the year under way) with at least one
 * activity.
 */
@Component(service = TierCriterion.class)
public final class Continuity extends CoreCriterion {

    public Continuity() {
        super("CONTINUITY", "Months with activity", "ความต่อเนื่อง (เดือนที่มีกิจกรรม)", 20);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        int of = monthsGoneBy(fiscalYear, facts.asOf());
        BigDecimal share = per(BigDecimal.valueOf(Math.min(facts.activeMonths(), of)).multiply(HUNDRED), of);
        return CriterionResult.of(BigDecimal.valueOf(facts.activeMonths()), share, LocalizedText.of(
                "Activity in " + facts.activeMonths() + " of " + of + " months of fiscal year " + fiscalYear + " ("
                        + plain(share) + "%).",
                "มีกิจกรรม " + facts.activeMonths() + " เดือน จาก " + of + " เดือนของปีงบประมาณ " + fiscalYear
                        + " (ร้อยละ " + plain(share) + ")"));
    }
}
