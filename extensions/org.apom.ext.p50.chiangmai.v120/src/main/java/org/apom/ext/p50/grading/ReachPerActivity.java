package org.apom.ext.p50.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.osgi.service.component.annotations.Component;

/**
 * Chiang Mai's own grading criterion: in its hill districts a village is reached by one gathering, not by many small
 * visits, so the province asks how many people each activity served. {@value #TARGET} or more score 100. The platform
 * counts it for Chiang Mai's networks only, whatever the criterion says.
 */
@Component
public final class ReachPerActivity implements TierCriterion {

    static final String CODE = "P50_REACH_PER_ACTIVITY";
    static final int TARGET = 20;

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("People served per activity (Chiang Mai)", "ผู้ได้รับประโยชน์ต่อกิจกรรม (เชียงใหม่)");
    }

    @Override
    public int weight() {
        return 10;
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        if (facts.activities() == 0) {
            return CriterionResult.of(BigDecimal.ZERO, BigDecimal.ZERO, LocalizedText.of(
                    "No activity in fiscal year " + fiscalYear + ": no one was served.",
                    "ไม่มีกิจกรรมในปีงบประมาณ " + fiscalYear + " จึงไม่มีผู้ได้รับประโยชน์"));
        }
        BigDecimal per = BigDecimal.valueOf(facts.beneficiaries())
                .divide(BigDecimal.valueOf(facts.activities()), 2, RoundingMode.HALF_UP);
        BigDecimal score = per.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(TARGET), 2,
                RoundingMode.HALF_UP).min(BigDecimal.valueOf(100));
        String plain = per.stripTrailingZeros().toPlainString();
        return CriterionResult.of(per, score, LocalizedText.of(
                facts.beneficiaries() + " people served by " + facts.activities() + " activities: " + plain
                        + " per activity; " + TARGET + " or more score 100.",
                "กิจกรรม " + facts.activities() + " ครั้ง มีผู้ได้รับประโยชน์ " + facts.beneficiaries() + " คน เฉลี่ย "
                        + plain + " คนต่อกิจกรรม (ตั้งแต่ " + TARGET + " คนได้ 100 คะแนน)"));
    }
}
