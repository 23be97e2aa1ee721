package org.apom.registry.internal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.registry.api.VolunteerRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads one row of the register every few seconds, in a thread of its own, so that health can say whether the
 * register answers without querying it on every (public, polled) call: DOWN when no probe has succeeded lately,
 * whether the probes fail or hang.
 */
@Component(service = ReadinessCheck.class)
public final class RegisterProbe implements ReadinessCheck {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(20);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "apom-register-probe"));
    private volatile Instant lastAnswered;
    private volatile long lastMillis;
    private volatile String lastFailure;

    @Activate
    public RegisterProbe(@Reference(target = "(osgi.unit.name=apom-registry)") JpaTemplate jpa,
            // the register's schema exists once the register is up
            @Reference VolunteerRegistry register) {
        this(jpa, Clock.systemUTC());
        probes.scheduleWithFixedDelay(this::probe, 1_000, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    RegisterProbe(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Deactivate
    void deactivate() {
        probes.shutdownNow();
    }

    void probe() {
        long start = System.nanoTime();
        try {
            jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT v.id FROM VolunteerEntity v",
                    String.class).setMaxResults(1).getResultList());
            lastMillis = (System.nanoTime() - start) / 1_000_000;
            lastAnswered = clock.instant();
            lastFailure = null;
        } catch (RuntimeException e) {
            // the kind of failure only: health is public
            lastFailure = e.getClass().getSimpleName();
        }
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Readiness check() {
        Map<String, Object> details = new LinkedHashMap<>();
        Instant answered = lastAnswered;
        details.put("lastAnsweredMillis", lastMillis);
        Instant since = answered == null ? started : answered;
        if (Duration.between(since, clock.instant()).compareTo(STALE) > 0) {
            return Readiness.down("the register has not answered a probe for over " + STALE.toSeconds() + " s"
                    + (lastFailure == null ? "" : " (" + lastFailure + ")"), details);
        }
        return Readiness.up(details);
    }
}
