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
 * People helped per active member in the fiscal year: 10 a year (in proportion for the year under way) score 100.
 */
@Component(service = TierCriterion.class)
public final class BeneficiariesPerMember extends CoreCriterion {

    static final BigDecimal TARGET = BigDecimal.TEN;

    public BeneficiariesPerMember() {
        super("BENEFICIARIES_PER_MEMBER", "People helped per member", "ผู้ได้รับประโยชน์ต่อสมาชิก", 10);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        BigDecimal per = per(BigDecimal.valueOf(facts.beneficiaries()), facts.activeMembers());
        BigDecimal goal = target(TARGET, fiscalYear, facts.asOf());
        return CriterionResult.of(per, towards(per, goal), LocalizedText.of(
                facts.beneficiaries() + " people helped: " + plain(per) + " per active member; " + plain(goal)
                        + " or more score 100.",
                "ผู้ได้รับประโยชน์ " + facts.beneficiaries() + " คน เฉลี่ย " + plain(per) + " คนต่อสมาชิก (ตั้งแต่ "
                        + plain(goal) + " คนได้ 100 คะแนน)"));
    }
}
