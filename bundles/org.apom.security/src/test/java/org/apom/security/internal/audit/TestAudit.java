package org.apom.security.internal.audit;

import java.lang.annotation.Annotation;
import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;

/** An audit trail for unit tests: notices as soon as an entry is written, sealing only when a test asks. */
public final class TestAudit {

    private TestAudit() {
    }

    public static PendingAudit pending() {
        return new PendingAudit(Runnable::run, Clock.systemUTC());
    }

    /** Seals what the notices name, as the sequencer would moments after the commits. */
    public static void seal(JpaTemplate jpa, PendingAudit pending) {
        trail(jpa, pending).sealNow();
    }

    public static JpaAuditTrail trail(JpaTemplate jpa, PendingAudit pending) {
        return new JpaAuditTrail(jpa, pending, Clock.systemUTC(), config(false), false);
    }

    /**
     * A trail that also sweeps the pending table every round. For tests with concurrent writers: here a notice
     * comes as the entry is written, before its commit (the platform's come after), so a concurrent round can
     * take a notice whose row it cannot see yet; the sweep finds that row later, as it does on PostgreSQL.
     */
    static JpaAuditTrail sweepingTrail(JpaTemplate jpa, PendingAudit pending) {
        return new JpaAuditTrail(jpa, pending, Clock.systemUTC(), config(false), true);
    }

    static AuditConfig config(boolean withoutAudit) {
        return new AuditConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditConfig.class;
            }

            @Override
            public long sealIntervalMillis() {
                return 200;
            }

            @Override
            public int sealBatch() {
                return 7;
            }

            @Override
            public int maxSealingLagSeconds() {
                return 30;
            }

            @Override
            public boolean benchmarkWithoutAudit() {
                return withoutAudit;
            }
        };
    }
}
