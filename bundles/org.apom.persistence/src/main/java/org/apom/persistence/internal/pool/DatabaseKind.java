package org.apom.persistence.internal.pool;

import java.util.List;

/**
 * What differs between the two supported databases in bounding waits: PostgreSQL takes its limits per session,
 * embedded Derby per database; both are set by every new connection.
 */
enum DatabaseKind {

    DERBY("Apache Derby") {
        @Override
        List<String> sessionSettings(DatabaseConfig config) {
            int wait = Math.max(1, config.lockTimeoutSeconds());
            // database properties, set again by every new connection (cheap, and no connection is needed before
            // the first request): Derby looks for deadlocks only once a wait is older than deadlockTimeout, so it
            // comes before the timeout; and past escalationThreshold row locks of one transaction it takes a table
            // lock, so one province's atomic import of 50,000 rows would lock every other province out
            return List.of(property("derby.locks.deadlockTimeout", Math.max(1, wait / 2)),
                    property("derby.locks.waitTimeout", wait),
                    property("derby.locks.escalationThreshold", ESCALATION_THRESHOLD));
        }

        private String property(String name, int value) {
            return "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('" + name + "', '" + value + "')";
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
