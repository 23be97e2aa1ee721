package org.apom.security.internal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.security.api.AuditSealing;

/** Whether the audit chain's sealing keeps up, with what health shows of it. */
final class SealingHealth {

    /** How many times the lag limit a backlog may reach while the sequencer still makes progress. */
    static final int BEHIND_FACTOR = 10;

    private SealingHealth() {
    }

    /**
     * Only the kind of the last failure: health is public, and a driver's message names hosts, users and SQL (the
     * whole message is in GET /audit/verification, for auditors).
     */
    private static String failureKind(AuditSealing state) {
        String failure = state.lastFailure();
        if (failure == null) {
            return "";
        }
        int colon = failure.indexOf(':');
        String type = colon < 0 ? failure : failure.substring(0, colon);
        return " (" + type.substring(type.lastIndexOf('.') + 1) + ")";
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
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
        // a backlog being worked through (one province's import of 50,000 rows) is not a fault; a sequencer that
        // seals nothing while entries wait, or that stays far behind, is
        Instant progress = latest(state.lastSealedAt(), state.oldestWaitingSince());
        if (state.waiting() > 0 && progress != null
                && Duration.between(progress, now).compareTo(maxLag) > 0) {
            return Readiness.down("the audit sequencer has sealed nothing for over " + maxLag.toSeconds()
                    + " s while " + state.waiting() + " entries wait" + failureKind(state), details);
        }
        if (lagSeconds > maxLag.toSeconds() * BEHIND_FACTOR) {
            return Readiness.down("committed audit entries have waited " + lagSeconds + " s to be sealed (limit "
                    + maxLag.toSeconds() * BEHIND_FACTOR + " s)", details);
        }
        if (state.failingSince() != null && Duration.between(state.failingSince(), now).compareTo(maxLag) > 0) {
            return Readiness.down("the audit sequencer has failed since " + state.failingSince()
                    + failureKind(state), details);
        }
        return Readiness.up(details);
    }
}
