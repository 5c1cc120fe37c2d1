package org.roundtable.conference.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases a test class of the plan writer runs on: a PostgreSQL database and an in-memory
 * H2 one (with the demo's options), both of the class's own and migrated as the server migrates.
 * One embedded PostgreSQL serves every class of the run that uses this (each class gets a database
 * named after it in that server); it starts with the first such class and stops when the run ends.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final MigratedDatabases migrated = new MigratedDatabases("plans");
 * </pre>
 */
final class MigratedDatabases implements BeforeAllCallback {

    private final String name;
    private EmbeddedPostgres server;

    /** name: the class's databases' name, a plain SQL identifier unique among the classes. */
    MigratedDatabases(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(OnePostgres.class, key -> new OnePostgres(), OnePostgres.class).postgres;
        try (Connection c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database " + name);
        }
        migrate(server.getJdbcUrl("postgres", name));
        migrate(h2Url());
    }

    /** A new connection to this class's PostgreSQL database. */
    Connection postgres() throws SQLException {
        return server.getDatabase("postgres", name).getConnection();
    }

    /** A new connection to this class's H2 database. */
    Connection h2() throws SQLException {
        return DriverManager.getConnection(h2Url(), "postgres", "");
    }

    private String h2Url() {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static void migrate(String url) {
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
    }

    /** The run's one embedded PostgreSQL, closed by JUnit when the run ends (the root store closes what it holds). */
    private static final class OnePostgres implements AutoCloseable {
        final EmbeddedPostgres postgres;

        OnePostgres() {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
