package org.apom.itests.support;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;

/**
 * A province's criterion that takes a second and a half per network, within the engine's time limit: it keeps a
 * grading run going long enough to stop the platform in the middle of it.
 */
public final class SlowCriterion implements TierCriterion {

    @Override
    public String code() {
        return "P50_SLOW";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("A slow test criterion", "เกณฑ์ทดสอบที่ช้า");
    }

    @Override
    public int weight() {
        return 0;
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CriterionResult.of(0, 0, "Slow, and counts for nothing.", "ช้า และไม่มีผลต่อคะแนน");
    }
}
