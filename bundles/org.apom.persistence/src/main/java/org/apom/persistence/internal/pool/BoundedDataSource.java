package org.apom.persistence.internal.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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

    private final GenericObjectPool<PoolableConnection> pool;
    private final long maxWaitMillis;
    private final AtomicLong refused = new AtomicLong();

    BoundedDataSource(GenericObjectPool<PoolableConnection> pool, TransactionRegistry transactions,
            long maxWaitMillis) {
        super(pool, transactions);
        this.pool = pool;
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return super.getConnection();
        } catch (SQLException e) {
            if (timedOut(e)) {
                refused.incrementAndGet();
                throw new SQLTransientConnectionException("No database connection was free within " + maxWaitMillis
                        + " ms (" + pool.getNumActive() + " of " + pool.getMaxTotal() + " in use)", REFUSED_STATE, e);
            }
            throw e;
        }
    }

    long refused() {
        return refused.get();
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
