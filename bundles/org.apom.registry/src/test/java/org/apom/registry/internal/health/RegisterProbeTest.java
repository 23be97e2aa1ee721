package org.apom.registry.internal.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;

/** Health's register part follows the probes: UP after one answers, DOWN once none has for a while. */
class RegisterProbeTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private boolean failing;

    @Test
    void upWhileProbesAnswerDownWhenTheyStopAnswering() {
        RegisterProbe probe = new RegisterProbe(new Register(), new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        probe.probe();
        assertTrue(probe.check().isUp());
        failing = true;
        now = now.plusSeconds(10);
        probe.probe();
        assertTrue(probe.check().isUp(), "one failed probe is not yet an outage");
        now = now.plusSeconds(15);
        probe.probe();
        assertFalse(probe.check().isUp());
        assertTrue(probe.check().details().get("error").toString().contains("IllegalStateException"));
        failing = false;
        probe.probe();
        assertTrue(probe.check().isUp());
    }

    /** A register that answers, or fails as a database that went away. */
    private final class Register implements JpaTemplate {

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> work) {
            if (failing) {
                throw new IllegalStateException("database gone");
            }
            return null;
        }

        @Override
        public <R> R txExpr(EmFunction<R> work) {
            return txExpr(TransactionType.Required, work);
        }

        @Override
        public void tx(TransactionType type, EmConsumer work) {
            txExpr(type, em -> null);
        }

        @Override
        public void tx(EmConsumer work) {
            tx(TransactionType.Required, work);
        }
    }
}
