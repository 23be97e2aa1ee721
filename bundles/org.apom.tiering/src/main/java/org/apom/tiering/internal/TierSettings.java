package org.apom.tiering.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apom.core.api.FiscalYear;
import org.apom.tiering.api.TierConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The grading's configuration for a fiscal year: the defaults of etc/org.apom.tiering.cfg, with what that year's own
 * file names over them. A change applies to the next run; a run stores the configuration it used. The criterion time
 * limit is a guard of the platform, not part of a grade: it applies at once, to a run under way too.
 */
@Component(service = TierSettings.class, configurationPid = "org.apom.tiering")
@Designate(ocd = TieringConfig.class)
public final class TierSettings {

    private volatile TieringConfig defaults;
    private final List<YearSettings> years = new CopyOnWriteArrayList<>();

    @Activate
    public TierSettings(TieringConfig config) {
        this.defaults = config;
    }

    @Modified
    void modified(TieringConfig config) {
        this.defaults = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addYear(YearSettings year) {
        years.add(year);
    }

    void removeYear(YearSettings year) {
        years.remove(year);
    }

    int criterionTimeoutMillis() {
        return Math.max(10, defaults.criterionTimeoutMillis());
    }

    /** The configuration of the year, every criterion present given its weight. */
    TierConfiguration of(FiscalYear year, Map<String, Integer> defaultWeights) {
        TieringConfig d = defaults;
        BigDecimal a = BigDecimal.valueOf(d.thresholdA());
        BigDecimal b = BigDecimal.valueOf(d.thresholdB());
        Map<String, Integer> weights = new LinkedHashMap<>(defaultWeights);
        weights.putAll(weights(d.weights()));
        for (YearSettings y : years) {
            if (y.fiscalYear == year.buddhistYear()) {
                a = y.thresholdA != null ? y.thresholdA : a;
                b = y.thresholdB != null ? y.thresholdB : b;
                weights.putAll(y.weights);
            }
        }
        weights.keySet().retainAll(defaultWeights.keySet());
        return new TierConfiguration(a, b, weights);
    }

    /** {@code CODE=weight} entries (also several in one, comma-separated); a malformed one is left out. */
    static Map<String, Integer> weights(String[] entries) {
        Map<String, Integer> weights = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String part : entry.split(",")) {
                String[] kv = part.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().matches("[A-Z][A-Z0-9_]*")) {
                    try {
                        int weight = Integer.parseInt(kv[1].strip());
                        if (weight >= 0 && weight <= 1000) {
                            weights.put(kv[0].strip(), weight);
                        }
                    } catch (NumberFormatException e) {
                        // left out: the criterion keeps its default weight
                    }
                }
            }
        }
        return weights;
    }
}
