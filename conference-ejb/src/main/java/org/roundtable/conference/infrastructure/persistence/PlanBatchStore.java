package org.roundtable.conference.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    /** Stores every row of the batch, or nothing; throws {@link PlanStore.ConcurrentWrite} if a plan's revision moved elsewhere. */
    abstract void write(PlanBatchRows rows) throws SQLException;

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
