package org.roundtable.conference.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * The plan writer's connection and how it stores a batch of plan changes atomically. Kept
 * between batches: no pool checkout or statement preparation on the way to a commit.
 */
abstract class PlanBatchStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PlanBatchStore.class.getName());

    protected final Connection connection;

    protected PlanBatchStore(Connection connection) {
        this.connection = connection;
    }

    /** The quickest way this database offers: one round trip on PostgreSQL, batched statements elsewhere. */
    static PlanBatchStore on(Connection connection) throws SQLException {
        try {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new PostgresPlanBatchStore(connection)
                    : new JdbcPlanBatchStore(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Stores every row of the batch, or nothing; throws {@link PlanStore.ConcurrentWrite} if a
     * plan's revision moved elsewhere. Returns the signatures each voiding change voided.
     */
    abstract Map<Pending, List<VoidedSignature>> write(PlanBatchRows rows) throws SQLException;

    /** Binds one value of a row, by its Java type. */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof Instant at) {
            statement.setTimestamp(index, Timestamp.from(at));
        } else if (value instanceof UUID || value instanceof LocalDate) {
            statement.setObject(index, value);
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass());
        }
    }

    /** Whether the connection no longer answers (after a failed write: was it the connection that failed?). */
    boolean connectionLost() {
        try {
            return !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Returns the connection to the pool, which closes its statements. */
    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing the plan writer's connection", e);
        }
    }
}
