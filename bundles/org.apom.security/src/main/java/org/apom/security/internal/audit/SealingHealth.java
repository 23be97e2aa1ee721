package org.apom.security.internal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.security.api.AuditSealing;

/** Whether the audit chain's sealing keeps up, with what health shows of it. */
final class SealingHealth {

    private SealingHealth() {
    }

    static Readiness of(AuditSealing state, boolean recording, Duration maxLag, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("waiting", state.waiting());
        long lagSeconds = state.oldestWaitingSince() == null ? 0
                : Math.max(0, Duration.between(state.oldestWaitingSince(), now).toSeconds());
        details.put("oldestWaitingSeconds", lagSeconds);
        if (state.lastSealedAt() != null) {
            details.put("lastSealedAt", state.lastSealedAt().toString());
        }
        if (!recording) {
            return Readiness.down("audit recording is off (benchmarkWithoutAudit): for benchmarks only", details);
        }
        if (lagSeconds > maxLag.toSeconds()) {
            return Readiness.down("committed audit entries have waited " + lagSeconds + " s to be sealed (limit "
                    + maxLag.toSeconds() + " s)" + (state.lastFailure() == null ? "" : ": " + state.lastFailure()),
                    details);
        }
        if (state.failingSince() != null && Duration.between(state.failingSince(), now).compareTo(maxLag) > 0) {
            return Readiness.down("the audit sequencer has failed since " + state.failingSince() + ": "
                    + state.lastFailure(), details);
        }
        return Readiness.up(details);
    }
}
