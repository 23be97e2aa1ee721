package org.apom.tiering.internal.criteria;

import java.math.BigDecimal;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.osgi.service.component.annotations.Component;

/** The share of active members whose record was confirmed current in the last 12 months: the share is the score. */
@Component(service = TierCriterion.class)
public final class VerifiedShare extends CoreCriterion {

    public VerifiedShare() {
        super("VERIFIED_SHARE", "Members verified in the last 12 months", "สมาชิกที่ยืนยันข้อมูลภายใน 12 เดือน", 15);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        BigDecimal share = per(BigDecimal.valueOf(facts.verifiedMembers()).multiply(HUNDRED), facts.activeMembers());
        return CriterionResult.of(share, share.min(HUNDRED), LocalizedText.of(
                facts.verifiedMembers() + " of " + facts.activeMembers() + " active members (" + plain(share)
                        + "%) had their record confirmed current in the 12 months up to " + facts.asOf() + ".",
                "สมาชิกที่ยังปฏิบัติหน้าที่ " + facts.activeMembers() + " คน ยืนยันข้อมูลภายใน 12 เดือนก่อนวันที่ "
                        + facts.asOf() + " แล้ว " + facts.verifiedMembers() + " คน (ร้อยละ " + plain(share) + ")"));
    }
}
