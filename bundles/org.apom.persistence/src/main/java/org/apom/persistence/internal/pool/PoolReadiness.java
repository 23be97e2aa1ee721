package org.apom.persistence.internal.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.persistence.api.DatabasePool;
import org.apom.persistence.api.PoolState;

/**
 * Health's view of the pool, from what it saw lending connections (no connection per call): DOWN when the database
 * gave none since it last failed to, or when requests have been refused for longer than a moment. A burst that
 * fills the pool briefly is answered 503 per request, not by taking the node out of the balancer.
 */
final class PoolReadiness implements ReadinessCheck {

    /** Refusing for longer than this is an overload, not a burst. */
    static final Duration OVERLOADED = Duration.ofSeconds(10);

    private final DatabasePool pool;
    private final BoundedDataSource dataSource;
    private final Clock clock;

    PoolReadiness(DatabasePool pool, BoundedDataSource dataSource, Clock clock) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Readiness check() {
        PoolState state = pool.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", state.product());
        details.put("active", state.active());
        details.put("idle", state.idle());
        details.put("waiting", state.waiting());
        details.put("max", state.max());
        details.put("refused", state.refused());
        if (dataSource.unreachableSince() != null) {
            // the SQL state says what kind of failure without the driver's text (hosts, users)
            return Readiness.down("the database gave no connection since " + dataSource.unreachableSince()
                    + " (SQL state " + dataSource.lastFailedState() + ")", details);
        }
        Instant refusing = dataSource.refusingSince();
        if (refusing != null && Duration.between(refusing, clock.instant()).compareTo(OVERLOADED) > 0) {
            return Readiness.down("requests have been refused a database connection since " + refusing
                    + ": every connection stays in use", details);
        }
        return Readiness.up(details);
    }
}
