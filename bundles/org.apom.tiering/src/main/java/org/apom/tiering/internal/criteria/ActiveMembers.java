package org.apom.tiering.internal.criteria;

import java.math.BigDecimal;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.osgi.service.component.annotations.Component;

/** Members who are active volunteers: 20 or more score 100. */
@Component(service = TierCriterion.class)
public final class ActiveMembers extends CoreCriterion {

    static final BigDecimal TARGET = BigDecimal.valueOf(20);

    public ActiveMembers() {
        super("ACTIVE_MEMBERS", "Active members", "สมาชิกที่ยังปฏิบัติหน้าที่", 15);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        BigDecimal active = BigDecimal.valueOf(facts.activeMembers());
        return CriterionResult.of(active, towards(active, TARGET), LocalizedText.of(
                facts.activeMembers() + " of " + facts.members() + " members are active volunteers on " + facts.asOf()
                        + "; " + plain(TARGET) + " or more score 100.",
                "สมาชิก " + facts.members() + " คน ยังปฏิบัติหน้าที่ " + facts.activeMembers() + " คน ณ วันที่ "
                        + facts.asOf() + " (ตั้งแต่ " + plain(TARGET) + " คนได้ 100 คะแนน)"));
    }
}
