package org.apom.core.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of the platform whose readiness {@code GET /api/v1/health} reports under {@link #name()}. It must
 * answer at once from state it keeps (no database round trip per call): health is public and polled.
 */
@ConsumerType
public interface ReadinessCheck {

    /** The key of this part in the health answer, for example {@code audit}. */
    String name();

    Readiness check();
}
