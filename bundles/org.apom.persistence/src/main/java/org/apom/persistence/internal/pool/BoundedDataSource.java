package org.apom.persistence.internal.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.managed.ManagedDataSource;
import org.apache.commons.dbcp2.managed.TransactionRegistry;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * The pooled DataSource, whose refusal when no connection is free in time is a transient failure the REST layer
 * answers with 503 and Retry-After (SQL state 08004, "rejected"), and is counted.
 */
final class BoundedDataSource extends ManagedDataSource<PoolableConnection> {

    static final String REFUSED_STATE = "08004";
    /** Refusals further apart than this are separate bursts, not one overload. */
    static final Duration STREAK_GAP = Duration.ofSeconds(5);

    private final GenericObjectPool<PoolableConnection> pool;
    private final long maxWaitMillis;
    private final AtomicLong refused = new AtomicLong();
    private final Clock clock;
    private volatile Instant lastBorrowed;
    private volatile Instant lastFailed;
    private volatile String lastFailedState;
    private volatile Instant lastRefused;
    private volatile Instant refusingSince;

    BoundedDataSource(GenericObjectPool<PoolableConnection> pool, TransactionRegistry transactions,
            long maxWaitMillis, Clock clock) {
        super(pool, transactions);
        this.pool = pool;
        this.maxWaitMillis = maxWaitMillis;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Connection connection = super.getConnection();
            lastBorrowed = clock.instant();
            return connection;
        } catch (SQLException e) {
            Instant now = clock.instant();
            if (timedOut(e)) {
                refused.incrementAndGet();
                Instant previous = lastRefused;
                if (previous == null || previous.isBefore(now.minus(STREAK_GAP))) {
                    refusingSince = now;
                }
                lastRefused = now;
                throw new SQLTransientConnectionException("No database connection was free within " + maxWaitMillis
                        + " ms (" + pool.getNumActive() + " of " + pool.getMaxTotal() + " in use)", REFUSED_STATE, e);
            }
            lastFailed = now;
            lastFailedState = e.getSQLState();
            throw e;
        }
    }

    long refused() {
        return refused.get();
    }

    /** Since when requests have been refused without a pause of {@link #STREAK_GAP}; null when not refusing now. */
    Instant refusingSince() {
        Instant last = lastRefused;
        return last != null && last.isAfter(clock.instant().minus(STREAK_GAP)) ? refusingSince : null;
    }

    /** When the database last failed to give a connection, if it has not given one since; else null. */
    Instant unreachableSince() {
        Instant failed = lastFailed;
        Instant borrowed = lastBorrowed;
        return failed != null && (borrowed == null || failed.isAfter(borrowed)) ? failed : null;
    }

    String lastFailedState() {
        return lastFailedState;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoSuchElementException) {
                return true;
            }
        }
        return false;
    }
}
