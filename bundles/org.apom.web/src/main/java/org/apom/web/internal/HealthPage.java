package org.apom.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.registry.api.ImportActivity;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Reach;

/**
 * This node's health for central IT: each part the platform reports (database pool, audit sealing, register,
 * extensions...) as {@code GET /api/v1/health} shows it, and the imports running and waiting. Only for those who may
 * read the platform's metrics: the details name pools and queues, which a province has no use for.
 */
final class HealthPage {

    private final Supplier<List<ReadinessCheck>> checks;
    private final VolunteerFiles files;

    HealthPage(Supplier<List<ReadinessCheck>> checks, VolunteerFiles files) {
        this.checks = checks;
        this.files = files;
    }

    static boolean mayRead(Visit visit) {
        return AccessPolicy.reach(visit.caller(), Action.METRICS_READ) == Reach.ALL;
    }

    void show(Visit visit) throws IOException {
        if (!mayRead(visit)) {
            throw AccessPolicy.forbidden(Action.METRICS_READ);
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        boolean allUp = true;
        List<ReadinessCheck> found = new ArrayList<>(checks.get());
        found.sort(Comparator.comparing(ReadinessCheck::name));
        for (ReadinessCheck check : found) {
            Readiness r;
            try {
                r = check.check();
            } catch (RuntimeException e) {
                r = Readiness.down("the check failed: " + e.getClass().getSimpleName(), Map.of());
            }
            allUp &= r.isUp();
            List<String> details = new ArrayList<>();
            r.details().forEach((k, v) -> details.add(k + ": " + v));
            parts.add(Map.of("name", check.name(), "up", r.isUp(), "details", details));
        }
        if (found.stream().noneMatch(c -> "database".equals(c.name()))) {
            // without its pool nothing serves: DOWN while nobody reports it, as the API's health says
            allUp = false;
            parts.add(0, Map.of("name", "database", "up", false, "details", List.of("error: not available yet")));
        }
        ImportActivity imports = files.activity();
        Map<String, Object> model = new HashMap<>();
        model.put("parts", parts);
        model.put("allUp", allUp && !parts.isEmpty());
        model.put("importsRunning", visit.formats().count(imports.running()));
        model.put("importsQueued", visit.formats().count(imports.queued()));
        visit.render(200, "admin-health", model);
    }
}
