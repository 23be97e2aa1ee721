package org.apom.rest.internal.health;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.rest.internal.health.HealthJson.ComponentJson;

/** The parts that core bundles report themselves (database pool, audit sealing, register probe, accounts). */
final class ReadinessChecks {

    /** Parts without which the node never serves, reported DOWN while nobody reports them. */
    static final List<String> REQUIRED = List.of("database");

    private ReadinessChecks() {
    }

    static Map<String, ComponentJson> of(List<ReadinessCheck> checks) {
        Map<String, ComponentJson> parts = new LinkedHashMap<>();
        checks.stream().sorted(Comparator.comparing(ReadinessCheck::name)).forEach(c -> parts.put(c.name(), run(c)));
        for (String required : REQUIRED) {
            parts.putIfAbsent(required, new ComponentJson(HealthJson.DOWN, Map.of("error", "not available yet")));
        }
        return parts;
    }

    private static ComponentJson run(ReadinessCheck check) {
        try {
            Readiness r = check.check();
            return new ComponentJson(r.isUp() ? HealthJson.UP : HealthJson.DOWN, r.details());
        } catch (RuntimeException e) {
            // health is public: the kind of failure only
            return new ComponentJson(HealthJson.DOWN, Map.of("error", "the check failed: "
                    + e.getClass().getSimpleName()));
        }
    }
}
