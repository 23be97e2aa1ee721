package org.apom.security.internal.audit;

import java.time.Clock;
import java.time.Duration;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Health's view of the audit trail: DOWN when sealing falls behind or fails, or recording is switched off. */
@Component(service = ReadinessCheck.class, configurationPid = "org.apom.security.audit")
public final class AuditReadiness implements ReadinessCheck {

    private static final Caller HEALTH = Caller.system("health");

    private final AuditTrail trail;
    private final boolean recording;
    private final Duration maxLag;

    @Activate
    public AuditReadiness(@Reference AuditTrail trail, AuditConfig config) {
        this.trail = trail;
        this.recording = !config.benchmarkWithoutAudit();
        this.maxLag = Duration.ofSeconds(Math.max(1, config.maxSealingLagSeconds()));
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Readiness check() {
        return SealingHealth.of(trail.sealing(HEALTH), recording, maxLag, Clock.systemUTC().instant());
    }
}
