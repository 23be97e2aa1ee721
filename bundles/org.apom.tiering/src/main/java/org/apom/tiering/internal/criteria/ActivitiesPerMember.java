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
 * Activities an active member took part in, on average, in the fiscal year: one a month (12 a year; in proportion for
 * the year under way) scores 100.
 */
@Component(service = TierCriterion.class)
public final class ActivitiesPerMember extends CoreCriterion {

    static final BigDecimal TARGET = BigDecimal.valueOf(12);

    public ActivitiesPerMember() {
        super("ACTIVITIES_PER_MEMBER", "Activities per member", "กิจกรรมต่อสมาชิก", 15);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        BigDecimal per = per(BigDecimal.valueOf(facts.participations()), facts.activeMembers());
        BigDecimal goal = target(TARGET, fiscalYear, facts.asOf());
        return CriterionResult.of(per, towards(per, goal), LocalizedText.of(
                facts.activities() + " activities with " + facts.participations() + " participations: "
                        + plain(per) + " per active member in fiscal year " + fiscalYear + "; " + plain(goal)
                        + " (one a month, for the months gone by) or more score 100.",
                "กิจกรรม " + facts.activities() + " ครั้ง ผู้เข้าร่วมรวม " + facts.participations() + " คนครั้ง เฉลี่ย "
                        + plain(per) + " ครั้งต่อสมาชิกในปีงบประมาณ " + fiscalYear + " (ตั้งแต่ " + plain(goal)
                        + " ครั้งได้ 100 คะแนน)"));
    }
}
