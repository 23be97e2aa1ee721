package org.apom.persistence.internal.pool;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import javax.transaction.TransactionSynchronizationRegistry;

import org.apache.commons.dbcp2.DriverConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.managed.LocalXAConnectionFactory;
import org.apache.commons.dbcp2.managed.PoolableManagedConnectionFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.persistence.api.DatabasePool;
import org.apom.persistence.api.PoolState;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one DataSource: a pool of plain (non-XA) connections that join JTA transactions as a single
 * local resource, so a request's transaction holds one connection whatever persistence units it touches, and
 * commits it in one phase (docs/stack.md trap 31). Every wait is bounded: for a connection
 * ({@code pool.maxWaitMillis}), for a lock ({@code lockTimeoutSeconds}) and for a statement
 * ({@code statementTimeoutSeconds}).
 */
@Component(service = {}, configurationPid = PooledDatabase.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DatabaseConfig.class, factory = true)
public final class PooledDatabase implements DatabasePool {

    static final String PID = "org.ops4j.datasource";
    private static final Logger LOG = LoggerFactory.getLogger(PooledDatabase.class);

    private final GenericObjectPool<PoolableConnection> pool;
    private final BoundedDataSource dataSource;
    private final DatabaseKind kind;
    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public PooledDatabase(BundleContext context, DatabaseConfig config,
            @Reference TransactionManager transactions,
            @Reference TransactionSynchronizationRegistry synchronizations,
            // a driver that arrives later activates the pool again (greedy)
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> drivers) throws SQLException {
        kind = DatabaseKind.of(config.url());
        DataSourceFactory factory = drivers.stream()
                .filter(d -> config.osgi_jdbc_driver_name().equals(d.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_NAME)))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (factory == null) {
            LOG.info("Waiting for the JDBC driver '{}' before opening the database", config.osgi_jdbc_driver_name());
            pool = null;
            dataSource = null;
            registrations = List.of();
            return;
        }
        DriverConnectionFactory connections = new DriverConnectionFactory(factory.createDriver(null), config.url(),
                credentials(config));
        // nothing is opened here: a database that is not up yet (started with the platform) only makes the first
        // requests wait or answer 503, instead of leaving the platform without a DataSource for good
        // With the synchronization registry, the pool ends its part of a transaction before OpenJPA closes its
        // connections; with plain synchronizations it ended after, and a connection could go back to the pool
        // twice, the second time while another request was using it (trap 31).
        LocalXAConnectionFactory local = new LocalXAConnectionFactory(transactions, synchronizations, connections);
        pool = newPool(local, config);
        dataSource = new BoundedDataSource(pool, local.getTransactionRegistry(), config.pool_maxWaitMillis(),
                Clock.systemUTC());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jndi.service.name", config.dataSourceName());
        properties.put("dataSourceName", config.dataSourceName());
        registrations = List.of(context.registerService(DataSource.class, dataSource, properties),
                context.registerService(DatabasePool.class, this, properties),
                context.registerService(ReadinessCheck.class, new PoolReadiness(this, dataSource, Clock.systemUTC()),
                        properties));
        LOG.info("Database {} open: a pool of at most {} connections, {} ms to get one, locks {} s, statements {} s",
                kind.product(), config.pool_maxTotal(), config.pool_maxWaitMillis(), config.lockTimeoutSeconds(),
                config.statementTimeoutSeconds());
    }

    private GenericObjectPool<PoolableConnection> newPool(LocalXAConnectionFactory local, DatabaseConfig config) {
        PoolableManagedConnectionFactory pooled = new PoolableManagedConnectionFactory(local, null);
        pooled.setDefaultQueryTimeout(Duration.ofSeconds(Math.max(1, config.statementTimeoutSeconds())));
        pooled.setConnectionInitSql(kind.sessionSettings(config));
        pooled.setRollbackOnReturn(true);
        pooled.setValidationQueryTimeout(Duration.ofSeconds(5));
        GenericObjectPoolConfig<PoolableConnection> settings = new GenericObjectPoolConfig<>();
        int max = Math.max(1, config.pool_maxTotal());
        settings.setMaxTotal(max);
        settings.setMaxIdle(max);
        settings.setMinIdle(Math.min(max, Math.max(0, config.pool_minIdle())));
        settings.setMaxWait(Duration.ofMillis(Math.max(0, config.pool_maxWaitMillis())));
        settings.setBlockWhenExhausted(true);
        // first come, first served: under load no request starves while later ones are served
        settings.setFairness(true);
        settings.setTestOnBorrow(true);
        settings.setTestWhileIdle(true);
        settings.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        settings.setJmxEnabled(false);
        GenericObjectPool<PoolableConnection> created = new GenericObjectPool<>(pooled, settings);
        pooled.setPool(created);
        return created;
    }

    private static Properties credentials(DatabaseConfig config) {
        Properties properties = new Properties();
        if (!config.user().isEmpty()) {
            properties.setProperty("user", config.user());
        }
        if (!config.password().isEmpty()) {
            properties.setProperty("password", config.password());
        }
        return properties;
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public PoolState state() {
        return new PoolState(kind.product(), pool.getNumActive(), pool.getNumIdle(), pool.getNumWaiters(),
                pool.getMaxTotal(), pool.getMaxWaitDuration().toMillis(), dataSource.refused());
    }
}
