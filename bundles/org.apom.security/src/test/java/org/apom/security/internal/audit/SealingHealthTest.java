package org.apom.security.internal.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.apom.core.api.health.Readiness;
import org.apom.security.api.AuditSealing;
import org.junit.jupiter.api.Test;

/** When health says the audit trail cannot keep up. */
class SealingHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aBacklogBeingSealedIsUp() {
        AuditSealing importing = new AuditSealing(40_000, NOW.minusSeconds(60), NOW.minusSeconds(1), null, null);
        assertTrue(SealingHealth.of(importing, true, LIMIT, NOW).isUp());
    }

    @Test
    void waitingEntriesWithNoSealForLongerThanTheLimitAreDownWithTheReason() {
        AuditSealing stuck = new AuditSealing(3, NOW.minusSeconds(45), NOW.minusSeconds(40),
                "org.apache.openjpa.persistence.PersistenceException: Connection to db.internal:5432 refused", null);
        Readiness r = SealingHealth.of(stuck, true, LIMIT, NOW);
        assertFalse(r.isUp());
        String error = r.details().get("error").toString();
        assertTrue(error.contains("PersistenceException"), error);
        assertFalse(error.contains("db.internal"), "health is public: no driver text");
    }

    @Test
    void aSequencerFarBehindIsDownEvenWhileItSeals() {
        AuditSealing behind = new AuditSealing(900_000, NOW.minusSeconds(301), NOW, null, null);
        assertFalse(SealingHealth.of(behind, true, LIMIT, NOW).isUp());
    }

    @Test
    void aSequencerThatKeepsFailingIsDownAndRecordingOffIsDown() {
        AuditSealing failing = new AuditSealing(0, null, NOW.minusSeconds(100), "no connection", NOW.minusSeconds(31));
        assertFalse(SealingHealth.of(failing, true, LIMIT, NOW).isUp());
        assertFalse(SealingHealth.of(new AuditSealing(0, null, null, null, null), false, LIMIT, NOW).isUp());
        assertTrue(SealingHealth.of(new AuditSealing(0, null, null, null, null), true, LIMIT, NOW).isUp());
    }
}
