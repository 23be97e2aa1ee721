package org.apom.tiering.internal.criteria;

import java.math.BigDecimal;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.osgi.service.component.annotations.Component;

/** Hours given per active member in the fiscal year: 24 or more score 100. */
@Component(service = TierCriterion.class)
public final class HoursPerMember extends CoreCriterion {

    static final BigDecimal TARGET = BigDecimal.valueOf(24);

    public HoursPerMember() {
        super("HOURS_PER_MEMBER", "Hours per member", "ชั่วโมงอาสาต่อสมาชิก", 10);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        BigDecimal per = per(facts.personHours(), facts.activeMembers());
        return CriterionResult.of(per, towards(per, TARGET), LocalizedText.of(
                plain(facts.personHours()) + " hours given: " + plain(per) + " per active member; " + plain(TARGET)
                        + " or more score 100.",
                "ชั่วโมงอาสารวม " + plain(facts.personHours()) + " ชั่วโมง เฉลี่ย " + plain(per)
                        + " ชั่วโมงต่อสมาชิก (ตั้งแต่ " + plain(TARGET) + " ชั่วโมงได้ 100 คะแนน)"));
    }
}
