package org.apom.persistence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's pool of database connections, as health and metrics see it. A request holds one connection for
 * its transaction; one that finds none free within {@link PoolState#maxWaitMillis()} is refused (503), never kept
 * waiting.
 */
@ProviderType
public interface DatabasePool {

    /** What the pool looks like now. */
    PoolState state();
}
