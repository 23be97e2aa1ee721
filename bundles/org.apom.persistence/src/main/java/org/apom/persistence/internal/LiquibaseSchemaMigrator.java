package org.apom.persistence.internal;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.apom.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs changelogs with Liquibase over the platform DataSource. Every store migrates its schema before its first
 * transaction, so the migrator is also where OpenJPA is made to see the current transaction manager
 * ({@link OpenJpaTransactions}).
 */
@Component(service = SchemaMigrator.class)
public final class LiquibaseSchemaMigrator implements SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrator.class);

    private final DataSource dataSource;

    @Activate
    public LiquibaseSchemaMigrator(@Reference(target = "(osgi.jndi.service.name=apom)") DataSource dataSource,
            @Reference TransactionManager transactions) {
        this.dataSource = dataSource;
        OpenJpaTransactions.track();
    }

    // One migration at a time in this JVM: Liquibase's own database lock covers other nodes, but waiting on
    // it polls every few seconds, which would slow every boot where bundles start together.
    @Override
    public synchronized void migrate(String changelog, ClassLoader loader) {
        long start = System.nanoTime();
        Map<String, Object> scope = Map.of(
                Scope.Attr.classLoader.name(), loader,
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                // Liquibase reports to the log, not to the console of whoever started Karaf
                Scope.Attr.ui.name(), new LoggerUIService(),
                // no usage reporting to liquibase.com: the ministry's servers must not call out
                "liquibase.analytics.enabled", Boolean.FALSE);
        try (Connection connection = dataSource.getConnection()) {
            Scope.child(scope, () -> update(changelog, connection));
        } catch (Exception e) {
            throw new IllegalStateException("Schema migration " + changelog + " failed: " + e.getMessage(), e);
        }
        LOG.info("Schema {} is current ({} ms)", changelog, (System.nanoTime() - start) / 1_000_000);
    }

    private static void update(String changelog, Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                .execute();
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
