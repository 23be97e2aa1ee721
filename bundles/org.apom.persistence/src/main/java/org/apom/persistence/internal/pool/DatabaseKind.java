package org.apom.persistence.internal.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the two supported databases in bounding waits: PostgreSQL takes its limits per session,
 * embedded Derby per database.
 */
enum DatabaseKind {

    DERBY("Apache Derby") {
        @Override
        List<String> sessionSettings(DatabaseConfig config) {
            return List.of();
        }

        @Override
        void applyOnce(Connection connection, DatabaseConfig config) throws SQLException {
            int wait = Math.max(1, config.lockTimeoutSeconds());
            // Derby looks for deadlocks only once a wait is older than this, so it must come before the timeout
            setProperty(connection, "derby.locks.deadlockTimeout", Math.max(1, wait / 2));
            setProperty(connection, "derby.locks.waitTimeout", wait);
            // Derby turns a transaction's row locks into one table lock past 5,000 rows, and then one province's
            // atomic import of 50,000 rows would lock every other province out of the register until it commits
            setProperty(connection, "derby.locks.escalationThreshold", ESCALATION_THRESHOLD);
        }

        private void setProperty(Connection connection, String name, int seconds) throws SQLException {
            try (PreparedStatement call = connection.prepareStatement(
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
                call.setString(1, name);
                call.setString(2, Integer.toString(seconds));
                call.execute();
            }
        }
    },

    POSTGRESQL("PostgreSQL") {
        @Override
        List<String> sessionSettings(DatabaseConfig config) {
            return List.of(
                    "SET lock_timeout = '" + Math.max(1, config.lockTimeoutSeconds()) + "s'",
                    "SET statement_timeout = '" + Math.max(1, config.statementTimeoutSeconds()) + "s'",
                    // a session left idle inside a transaction (a client gone mid-request) must not keep its
                    // locks for ever
                    "SET idle_in_transaction_session_timeout = '" + IDLE_IN_TRANSACTION_SECONDS + "s'");
        }

        @Override
        void applyOnce(Connection connection, DatabaseConfig config) {
            // per session, in sessionSettings
        }
    };

    static final int IDLE_IN_TRANSACTION_SECONDS = 600;
    static final int ESCALATION_THRESHOLD = 2_000_000;

    private final String product;

    DatabaseKind(String product) {
        this.product = product;
    }

    String product() {
        return product;
    }

    /** SQL run on every new connection. */
    abstract List<String> sessionSettings(DatabaseConfig config);

    /** Settings of the database itself, applied once when the pool starts. */
    abstract void applyOnce(Connection connection, DatabaseConfig config) throws SQLException;

    static DatabaseKind of(String url) {
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            return DERBY;
        }
        throw new IllegalArgumentException("The database URL must start with jdbc:postgresql: or jdbc:derby: "
                + "(embedded); it starts with '" + (url == null ? "" : url.replaceAll("[;?].*", "")) + "'");
    }
}
