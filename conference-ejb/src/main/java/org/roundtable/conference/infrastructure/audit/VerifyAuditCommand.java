package org.roundtable.conference.infrastructure.audit;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The audit check from the command line, straight against the database (for when the server is
 * down or not trusted). Reads DB_URL, DB_USER and DB_PASSWORD; exits 0 when the chain is
 * intact, 1 when it is broken, 2 when the database cannot be read.
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        String url = env("DB_URL", "jdbc:postgresql://localhost:5432/roundtable");
        try (var connection = DriverManager.getConnection(url, env("DB_USER", "roundtable"), env("DB_PASSWORD", "roundtable"))) {
            var result = AuditChainVerifier.verify(connection);
            AuditChainVerifier.describe(result).forEach(System.out::println);
            System.exit(result.intact() ? 0 : 1);
        } catch (SQLException e) {
            System.err.println("Could not read the database at " + url + ": " + e.getMessage());
            System.exit(2);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
