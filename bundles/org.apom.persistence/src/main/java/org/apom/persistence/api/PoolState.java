package org.apom.persistence.api;

/**
 * One look at the pool.
 *
 * @param product the database product, for example {@code Apache Derby} or {@code PostgreSQL}
 * @param active connections lent to transactions now
 * @param idle connections free in the pool
 * @param waiting callers waiting for a connection now
 * @param max the most connections the pool opens
 * @param maxWaitMillis how long a caller waits for a connection before it is refused
 * @param refused callers refused since the pool started, because none was free in time
 */
public record PoolState(String product, int active, int idle, int waiting, int max, long maxWaitMillis,
        long refused) {

    /** Every connection lent and someone already waiting. */
    public boolean exhausted() {
        return active >= max && waiting > 0;
    }
}
