package org.apom.persistence.internal.pool;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.persistence.api.DatabasePool;
import org.apom.persistence.api.PoolState;

/** Health's view of the pool, from its counters alone: DOWN while every connection is lent and callers wait. */
final class PoolReadiness implements ReadinessCheck {

    private final DatabasePool pool;

    PoolReadiness(DatabasePool pool) {
        this.pool = pool;
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
        if (state.exhausted()) {
            return Readiness.down("every database connection is in use and " + state.waiting()
                    + " requests wait for one", details);
        }
        return Readiness.up(details);
    }
}
