package org.apom.tiering.internal.criteria;

import java.math.BigDecimal;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.osgi.service.component.annotations.Component;

/** A committee in term with its four officers scores 100; in term but incomplete 50; none in term 0. */
@Component(service = TierCriterion.class)
public final class CommitteeInOrder extends CoreCriterion {

    public CommitteeInOrder() {
        super("COMMITTEE", "Committee complete and in term", "คณะกรรมการครบและอยู่ในวาระ", 10);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        if (!facts.committeeInTerm()) {
            return CriterionResult.of(BigDecimal.ZERO, BigDecimal.ZERO, LocalizedText.of(
                    "No committee in term on " + facts.asOf() + ".", "ไม่มีคณะกรรมการที่อยู่ในวาระ ณ วันที่ " + facts.asOf()));
        }
        if (!facts.committeeComplete()) {
            return CriterionResult.of(BigDecimal.valueOf(0.5), BigDecimal.valueOf(50), LocalizedText.of(
                    "The committee is in term but lacks a chair, vice-chair, secretary or treasurer.",
                    "คณะกรรมการอยู่ในวาระ แต่ยังขาดประธาน รองประธาน เลขานุการ หรือเหรัญญิก"));
        }
        return CriterionResult.of(BigDecimal.ONE, HUNDRED, LocalizedText.of(
                "The committee is in term with its chair, vice-chair, secretary and treasurer.",
                "คณะกรรมการอยู่ในวาระ มีประธาน รองประธาน เลขานุการ และเหรัญญิกครบ"));
    }
}
