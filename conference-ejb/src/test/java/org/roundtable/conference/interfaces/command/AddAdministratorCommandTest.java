package org.roundtable.conference.interfaces.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.infrastructure.security.Secrets;

/** The operator's first step on a fresh install: making the first administrator from the terminal. */
class AddAdministratorCommandTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void freshDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void the_first_administrator_gets_a_single_use_link_valid_for_an_hour_and_no_password_anyone_knows() throws Exception {
        var now = Instant.parse("2026-12-01T10:00:00Z");
        try (var c = postgres.getPostgresDatabase().getConnection()) {
            String token = AddAdministratorCommand.add(c,
                    AddAdministratorCommand.Request.parse("--name", "Morgan Ellis", "--email", "Morgan.Ellis@council.example"), now);
            assertEquals(1, count(c, "select count(*) from staff_member where username = 'morgan.ellis' and is_administrator and active"));
            try (var rs = c.prepareStatement("select expires_at, used_at from password_setup where token_hash = '" + Secrets.sha256(token) + "'")
                    .executeQuery()) {
                assertTrue(rs.next(), "the link's token is stored (as its hash)");
                assertEquals(now.plus(Duration.ofHours(1)), rs.getTimestamp(1).toInstant());
                assertEquals(null, rs.getTimestamp(2));
            }
            assertEquals(1, count(c, "select count(*) from agency where name = 'Administration'"));

            // Run again: there is an administrator now, so nobody with the database password makes a second by accident.
            var refused = assertThrows(AddAdministratorCommand.Refused.class, () -> AddAdministratorCommand.add(c,
                    AddAdministratorCommand.Request.parse("--name", "Someone Else", "--email", "someone@council.example"), now));
            assertTrue(refused.getMessage().contains("already an administrator"), refused.getMessage());
            assertEquals(0, count(c, "select count(*) from staff_member where username = 'someone'"), "nothing was saved");

            // Unless the operator says so, for when no administrator can sign in any more.
            AddAdministratorCommand.add(c, AddAdministratorCommand.Request.parse("--name", "Alex Stand-in", "--email",
                    "alex@council.example", "--username", "alex.admin", "--agency", "Administration", "--another"), now);
            assertEquals(2, count(c, "select count(*) from staff_member where is_administrator"));
            assertEquals(1, count(c, "select count(*) from agency where name = 'Administration'"), "the agency is reused");
        }
    }

    @Test
    void a_command_without_a_name_or_with_a_wrong_email_address_is_refused_with_what_to_fix() {
        var missing = assertThrows(IllegalArgumentException.class, () -> AddAdministratorCommand.Request.parse("--email", "not-an-address"));
        assertTrue(missing.getMessage().contains("--name"), missing.getMessage());
        assertTrue(missing.getMessage().contains("real email address"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddAdministratorCommand.Request.parse("--name"));
    }
}
