package org.roundtable.conference.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * The plan writer's store on a connection it keeps, opened again when it is lost: a database
 * restart, or a firewall that drops connections left idle overnight. The pool checks a
 * connection when it is handed out; one kept for hours is checked here, when a write fails.
 */
final class ReconnectingPlanBatchStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReconnectingPlanBatchStore.class.getName());

    /** Where connections come from: the application's data source. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private PlanBatchStore store;

    ReconnectingPlanBatchStore(ConnectionSource source) {
        this.source = source;
    }

    /**
     * Stores the batch, trying once more on a fresh connection if the kept one turns out to be
     * lost. The second try is safe even if the first one committed before its connection went:
     * the log's primary key then refuses the copy ({@link PlanStore.ConcurrentWrite}), so nothing
     * is stored twice.
     */
    Map<Pending, List<VoidedSignature>> write(PlanBatchRows rows) throws SQLException {
        try {
            return current().write(rows);
        } catch (SQLException e) {
            boolean lost = store != null && store.connectionLost();
            discard();
            if (!lost) {
                throw e;
            }
            LOG.log(Level.INFO, "the plan writer's connection was lost; writing again on a fresh one", e);
            try {
                return current().write(rows);
            } catch (SQLException | RuntimeException again) {
                discard();
                throw again;
            }
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    private PlanBatchStore current() throws SQLException {
        if (store == null) {
            store = PlanBatchStore.on(source.open());
        }
        return store;
    }

    private void discard() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public void close() {
        discard();
    }
}
