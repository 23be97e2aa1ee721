package org.apom.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.openjpa.persistence.PersistenceProviderImpl;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * For the unit tests of bundles that own tables: an in-memory Derby with the bundle's own changelog applied,
 * and a resource-local JpaTemplate over it that behaves like Aries' (one transaction per call, rolled back
 * when the work throws). Shipped in this module's test jar.
 */
public final class TestDatabase extends TestJpaTemplate implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private final Connection keepAlive;
    private final EntityManagerFactory emf;

    /**
     * @param unit a resource-local persistence unit, in {@code persistenceXml} on the test class path
     * @param changelog the bundle's Liquibase changelog
     */
    public TestDatabase(String unit, String persistenceXml, String changelog) throws Exception {
        String url = "jdbc:derby:memory:test" + COUNT.incrementAndGet() + ";create=true";
        keepAlive = DriverManager.getConnection(url);
        Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()),
                "liquibase.analytics.enabled", false), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(DriverManager.getConnection(url))))
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .execute());
        emf = new PersistenceProviderImpl().createEntityManagerFactory(unit, persistenceXml,
                Map.of("openjpa.ConnectionURL", url));
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            R result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() throws Exception {
        emf.close();
        keepAlive.close();
    }
}
