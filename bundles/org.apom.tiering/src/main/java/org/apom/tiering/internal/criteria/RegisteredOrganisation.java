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
 * A network registered as a public-benefit or community welfare organisation on the day the facts are taken scores
 * 100. Registration is kept by the recognition bundle ({@code OrganisationRegistrations}).
 */
@Component(service = TierCriterion.class)
public final class RegisteredOrganisation extends CoreCriterion {

    public RegisteredOrganisation() {
        super("REGISTERED_ORGANISATION", "Registered as an organisation", "จดทะเบียนเป็นองค์กร", 5);
    }

    @Override
    public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
        return facts.registeredOrganisation()
                ? CriterionResult.of(BigDecimal.ONE, HUNDRED, LocalizedText.of("Registered as an organisation.",
                        "จดทะเบียนเป็นองค์กรสาธารณประโยชน์หรือองค์กรสวัสดิการชุมชนแล้ว"))
                : CriterionResult.of(BigDecimal.ZERO, BigDecimal.ZERO, LocalizedText.of(
                        "Not registered as a public-benefit or community welfare organisation.",
                        "ยังไม่ได้จดทะเบียนเป็นองค์กรสาธารณประโยชน์หรือองค์กรสวัสดิการชุมชน"));
    }
}
