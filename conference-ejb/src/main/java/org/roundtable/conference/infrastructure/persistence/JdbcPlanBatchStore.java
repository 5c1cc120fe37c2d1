package org.roundtable.conference.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.ActionRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.GoalRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.RevisionMove;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * Any database (H2 for the quick local run), and PostgreSQL for batches too big for one
 * statement or with a change that voids signatures: one batched statement per kind of row, in a
 * transaction. A second writer is caught by the revision check: the plan's row must still hold
 * the revision the batch starts from.
 */
final class JdbcPlanBatchStore extends PlanBatchStore {

    private final PreparedStatement moveRevision;
    private final PreparedStatement insertChange;
    private final PreparedStatement insertGoal;
    private final PreparedStatement updateGoal;
    private final PreparedStatement insertAction;
    private final PreparedStatement updateAction;
    private final PreparedStatement storeSnapshot;

    /** How long a write that voids signatures waits for a lock, the audit log's head above all. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);

    private final boolean postgres;

    JdbcPlanBatchStore(Connection connection) throws SQLException {
        super(connection);
        postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        moveRevision = connection.prepareStatement(
                "update action_plan set revision = ?, version = version + 1 where id = ? and revision = ?");
        insertChange = connection.prepareStatement("insert into plan_change (" + String.join(", ", PlanBatchRows.LOG_COLUMNS)
                + ") values (" + String.join(", ", PlanBatchRows.LOG_COLUMNS.stream().map(c -> "?").toList()) + ")");
        insertGoal = connection.prepareStatement(
                "insert into plan_goal (id, plan_id, position_key, title, description, deleted, version) values (?, ?, ?, ?, ?, ?, 0)");
        updateGoal = connection.prepareStatement(
                "update plan_goal set position_key = ?, title = ?, description = ?, deleted = ?, version = version + 1 where id = ?");
        insertAction = connection.prepareStatement("insert into plan_action (" + String.join(", ", ActionRow.COLUMNS)
                + ", version) values (" + "?, ".repeat(ActionRow.COLUMNS.size()) + "0)");
        // The id (the first column) goes last, in the WHERE.
        updateAction = connection.prepareStatement("update plan_action set "
                + ActionRow.COLUMNS.stream().skip(1).map(c -> c + " = ?, ").collect(Collectors.joining())
                + "version = version + 1 where id = ?");
        storeSnapshot = connection.prepareStatement("update action_plan set document = ?, document_revision = ? where id = ?");
    }

    @Override
    Map<Pending, List<VoidedSignature>> write(PlanBatchRows rows) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (!rows.voiding().isEmpty()) {
                boundLockWaits();
            }
            moveRevisions(rows.moves());
            insertLog(rows.changes());
            var voided = SignatureVoids.write(connection, rows.voiding());
            for (GoalRow g : rows.newGoals()) {
                insertGoal.setObject(1, g.id());
                insertGoal.setObject(2, g.planId());
                goalValues(insertGoal, g, 3);
                insertGoal.addBatch();
            }
            executeIfAny(insertGoal, rows.newGoals());
            for (GoalRow g : rows.goals()) {
                goalValues(updateGoal, g, 1);
                updateGoal.setObject(5, g.id());
                updateGoal.addBatch();
            }
            executeIfAny(updateGoal, rows.goals());
            for (ActionRow a : rows.newActions()) {
                Object[] values = a.values();
                for (int i = 0; i < values.length; i++) {
                    bind(insertAction, i + 1, values[i]);
                }
                insertAction.addBatch();
            }
            executeIfAny(insertAction, rows.newActions());
            for (ActionRow a : rows.actions()) {
                Object[] values = a.values();
                for (int i = 1; i < values.length; i++) {
                    bind(updateAction, i, values[i]);
                }
                bind(updateAction, values.length, values[0]);
                updateAction.addBatch();
            }
            executeIfAny(updateAction, rows.actions());
            var snapshots = rows.moves().stream().filter(m -> m.snapshot() != null).toList();
            for (RevisionMove m : snapshots) {
                storeSnapshot.setString(1, m.snapshot());
                storeSnapshot.setLong(2, m.snapshotRevision());
                storeSnapshot.setObject(3, m.planId());
                storeSnapshot.addBatch();
            }
            executeIfAny(storeSnapshot, snapshots);
            connection.commit();
            return voided;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A change that voids signatures appends to the audit log, whose head row any service
     * transaction may hold: the writer, holding the locks of every plan in the batch, waits for it
     * at most {@link #LOCK_WAIT}, so that a stall elsewhere fails this batch (which
     * {@link GroupCommit} then stores plan by plan) instead of freezing every room. PostgreSQL
     * waits for ever unless told, for this transaction only; H2 bounds every lock wait already
     * (2 s by default).
     */
    private void boundLockWaits() throws SQLException {
        if (postgres) {
            try (var st = connection.createStatement()) {
                st.execute("set local lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
            }
        }
    }

    private void moveRevisions(List<RevisionMove> moves) throws SQLException {
        for (RevisionMove move : moves) {
            moveRevision.setLong(1, move.to());
            moveRevision.setObject(2, move.planId());
            moveRevision.setLong(3, move.from());
            moveRevision.addBatch();
        }
        for (int count : moveRevision.executeBatch()) {
            if (count != 1) {
                throw new PlanStore.ConcurrentWrite();
            }
        }
    }

    private void insertLog(List<Pending> changes) throws SQLException {
        for (Pending p : changes) {
            Object[] values = PlanBatchRows.logValues(p);
            for (int i = 0; i < values.length; i++) {
                bind(insertChange, i + 1, values[i]);
            }
            insertChange.addBatch();
        }
        insertChange.executeBatch();
    }

    private static void executeIfAny(PreparedStatement statement, List<?> rows) throws SQLException {
        if (!rows.isEmpty()) {
            statement.executeBatch();
        }
    }

    private static void goalValues(PreparedStatement st, GoalRow g, int from) throws SQLException {
        st.setString(from, g.position());
        st.setString(from + 1, g.title());
        st.setString(from + 2, g.description());
        st.setBoolean(from + 3, g.deleted());
    }
}
