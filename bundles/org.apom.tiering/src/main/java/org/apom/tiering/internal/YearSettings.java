package org.apom.tiering.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** A fiscal year's own grading values, one instance per etc/org.apom.tiering.year-*.cfg. */
@Component(service = YearSettings.class, configurationPid = "org.apom.tiering.year",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = YearConfig.class, factory = true)
public final class YearSettings {

    final int fiscalYear;
    final BigDecimal thresholdA;
    final BigDecimal thresholdB;
    final Map<String, Integer> weights;

    @Activate
    public YearSettings(YearConfig config) {
        this.fiscalYear = config.fiscalYear();
        this.thresholdA = config.thresholdA() < 0 ? null : BigDecimal.valueOf(config.thresholdA());
        this.thresholdB = config.thresholdB() < 0 ? null : BigDecimal.valueOf(config.thresholdB());
        this.weights = TierSettings.weights(config.weights());
    }
}
