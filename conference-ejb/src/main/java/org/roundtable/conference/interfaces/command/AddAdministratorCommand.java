package org.roundtable.conference.interfaces.command;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.roundtable.conference.application.PasswordSetupService;
import org.roundtable.conference.domain.model.access.PasswordSetup;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.conference.infrastructure.security.Secrets;

/**
 * Makes the first administrator of a fresh install, from the operator's terminal (as WildFly's
 * add-user.sh does): a fresh install has no account at all. Reads DB_URL, DB_USER and
 * DB_PASSWORD, brings the schema up to date, adds the administrator and prints a single-use link
 * (valid for an hour) with which they choose their own password. Nobody types a password on a
 * command line, where it would stay in the shell's history.
 *
 * <pre>mvn -q -pl conference-ejb exec:java@add-administrator -Dexec.args="--name 'Morgan Ellis' --email morgan.ellis@council.example"</pre>
 *
 * Exit codes: 0 added; 1 refused (bad arguments, an administrator exists already, username taken); 2 the database cannot be reached.
 */
public final class AddAdministratorCommand {

    private static final String USAGE = """
            Usage: --name "Full Name" --email name@example.org [--username name] [--agency "Agency name"] [--another]
              --username  defaults to the part of the email address before the @
              --agency    the agency the administrator belongs to (made if missing), default "Administration"
              --another   add an administrator even though there is one already (for instance when the only one has left)""";

    /** What the operator asked for. */
    record Request(String fullName, String email, String username, String agency, boolean another) {

        static Request parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean another = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--another")) {
                    another = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i].strip());
                } else {
                    throw new IllegalArgumentException("Not understood: " + args[i]);
                }
            }
            String email = values.getOrDefault("email", "");
            String username = values.getOrDefault("username",
                    email.contains("@") ? email.substring(0, email.indexOf('@')).toLowerCase().replaceAll("[^a-z0-9._-]", "") : "");
            var request = new Request(values.getOrDefault("name", ""), email, username,
                    values.getOrDefault("agency", "Administration"), another);
            request.check();
            return request;
        }

        private void check() {
            List<String> problems = new ArrayList<>();
            if (fullName.isBlank() || fullName.length() > 200) {
                problems.add("Give the administrator's full name with --name (up to 200 characters).");
            }
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 320) {
                problems.add("Give a real email address with --email, like name@example.org.");
            }
            if (!username.matches("[a-z0-9._-]{3,100}")) {
                problems.add("A username is 3 to 100 lower-case letters, digits, dots, dashes or underscores (--username).");
            }
            if (agency.isBlank() || agency.length() > 200) {
                problems.add("The agency's name (--agency) must be 1 to 200 characters.");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems));
            }
        }
    }

    /** Refused for a reason the operator can act on. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private AddAdministratorCommand() {
    }

    public static void main(String[] args) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(1);
            return;
        }
        String url = env("DB_URL", "jdbc:postgresql://localhost:5432/roundtable");
        String user = env("DB_USER", "roundtable");
        String password = env("DB_PASSWORD", "roundtable");
        try {
            Flyway.configure(AddAdministratorCommand.class.getClassLoader()).dataSource(url, user, password)
                    .locations("classpath:db/migration").load().migrate();
            try (var connection = DriverManager.getConnection(url, user, password)) {
                String token = add(connection, request, Instant.now());
                System.out.println("Added " + request.fullName() + " as an administrator (username " + request.username() + ").");
                System.out.println("They choose their password here; the link works once, within the next hour:");
                System.out.println();
                System.out.println("    " + PasswordSetupService.linkFor(token));
                System.out.println();
                System.out.println("If the address is not where people reach Roundtable, run again with -Droundtable.public-url=https://...");
                System.exit(0);
            }
        } catch (Refused e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (SQLException | RuntimeException e) {
            System.err.println("Could not use the database at " + url + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** Adds the administrator and a password link in one transaction; returns the link's token. */
    static String add(Connection connection, Request request, Instant now) throws SQLException, Refused {
        connection.setAutoCommit(false);
        try {
            String existing = text(connection, "select username from staff_member where is_administrator and active limit 1");
            if (existing != null && !request.another()) {
                throw new Refused("There is already an administrator (username " + existing + "). Administrators add others in the pages;"
                        + " run again with --another only if no administrator can sign in.");
            }
            if (text(connection, "select username from staff_member where username = ?", request.username()) != null) {
                throw new Refused("The username " + request.username() + " is taken; choose another with --username.");
            }
            UUID agency = agency(connection, request.agency());
            UUID staff = UUID.randomUUID();
            update(connection, """
                    insert into staff_member (id, agency_id, full_name, email, username, password_hash, is_chair, is_administrator, active)
                    values (?, ?, ?, ?, ?, ?, false, true, true)""",
                    staff, agency, request.fullName(), request.email(), request.username(),
                    new PasswordHasher().hash(Secrets.token()));
            String token = Secrets.token();
            update(connection, "insert into password_setup (id, staff_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
                    UUID.randomUUID(), staff, Secrets.sha256(token), Timestamp.from(now),
                    Timestamp.from(now.plus(PasswordSetup.FIRST_ADMINISTRATOR_LINK_VALID_FOR)));
            connection.commit();
            return token;
        } catch (SQLException | Refused | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static UUID agency(Connection connection, String name) throws SQLException {
        String id = text(connection, "select cast(id as varchar) from agency where lower(name) = lower(?)", name);
        if (id != null) {
            return UUID.fromString(id);
        }
        UUID created = UUID.randomUUID();
        update(connection, "insert into agency (id, name, kind) values (?, ?, 'OTHER')", created, name);
        return created;
    }

    private static String text(Connection connection, String sql, Object... params) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
