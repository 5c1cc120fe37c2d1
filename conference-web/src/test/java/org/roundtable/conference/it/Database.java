package org.roundtable.conference.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Direct access to the test database, for what no API offers on purpose: moving a deadline
 * into the past to see an expiry, or checking that a refused request changed nothing.
 */
public final class Database {

    /** Another database this class reads for a while (a second server's), or null: the test PostgreSQL. */
    private static volatile String[] elsewhere;

    private Database() {
    }

    /**
     * Reads (and waits for the mail outbox of) another database until the result is closed: a
     * test of a fresh install's second server, whose outbox is in its own database.
     */
    public static AutoCloseable readingFrom(String url, String user, String password) {
        elsewhere = new String[] {url, user, password};
        return () -> elsewhere = null;
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String text(String sql, Object... params) {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect() throws SQLException {
        String[] other = elsewhere;
        if (other != null) {
            return DriverManager.getConnection(other[0], other[1], other[2]);
        }
        TestEnvironment.start();
        return DriverManager.getConnection(System.getProperty("roundtable.test.db.url"),
                System.getProperty("roundtable.test.db.user"), System.getProperty("roundtable.test.db.password"));
    }
}
