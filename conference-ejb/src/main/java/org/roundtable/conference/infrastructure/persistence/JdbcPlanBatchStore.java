package org.roundtable.conference.infrastructure.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.ActionRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.GoalRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.RevisionMove;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * Any database (H2 for the quick local run), and PostgreSQL for batches too big for one
 * statement: one batched statement per kind of row, in a transaction.
 */
final class JdbcPlanBatchStore extends PlanBatchStore {

    private final PreparedStatement moveRevision;
    private final PreparedStatement insertChange;
    private final PreparedStatement insertGoal;
    private final PreparedStatement updateGoal;
    private final PreparedStatement insertAction;
    private final PreparedStatement updateAction;
    private final PreparedStatement storeSnapshot;

    JdbcPlanBatchStore(Connection connection) throws SQLException {
        super(connection);
        moveRevision = connection.prepareStatement(
                "update action_plan set revision = ?, version = version + 1 where id = ? and revision = ?");
        insertChange = connection.prepareStatement("""
                insert into plan_change (plan_id, revision, change_id, client_id, author_kind, author_id, operations, applied_at,
                    previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        insertGoal = connection.prepareStatement(
                "insert into plan_goal (id, plan_id, position_key, title, description, deleted, version) values (?, ?, ?, ?, ?, ?, 0)");
        updateGoal = connection.prepareStatement(
                "update plan_goal set position_key = ?, title = ?, description = ?, deleted = ?, version = version + 1 where id = ?");
        insertAction = connection.prepareStatement("""
                insert into plan_action (position_key, description, owner_kind, owner_agency_id, owner_family_member_id,
                    due_on, status, deleted, goal_id, id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
        updateAction = connection.prepareStatement("""
                update plan_action set position_key = ?, description = ?, owner_kind = ?, owner_agency_id = ?,
                    owner_family_member_id = ?, due_on = ?, status = ?, deleted = ?, goal_id = ?, version = version + 1 where id = ?""");
        storeSnapshot = connection.prepareStatement("update action_plan set document = ?, document_revision = ? where id = ?");
    }

    @Override
    void write(PlanBatchRows rows) throws SQLException {
        connection.setAutoCommit(false);
        try {
            moveRevisions(rows.moves());
            insertLog(rows.changes());
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
                actionValues(insertAction, a);
                insertAction.addBatch();
            }
            executeIfAny(insertAction, rows.newActions());
            for (ActionRow a : rows.actions()) {
                actionValues(updateAction, a);
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
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
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
            insertChange.setObject(1, p.planId());
            insertChange.setLong(2, p.change().revision());
            insertChange.setString(3, p.change().changeId());
            insertChange.setString(4, p.change().clientId());
            insertChange.setString(5, p.authorKind());
            insertChange.setObject(6, p.authorId());
            insertChange.setString(7, p.operations());
            insertChange.setTimestamp(8, Timestamp.from(p.at()));
            insertChange.setString(9, p.previousHash());
            insertChange.setString(10, p.hash());
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

    private static void actionValues(PreparedStatement st, ActionRow a) throws SQLException {
        st.setString(1, a.position());
        st.setString(2, a.description());
        st.setString(3, a.ownerKind() == null ? null : a.ownerKind().name());
        uuid(st, 4, a.ownerAgencyId());
        uuid(st, 5, a.ownerFamilyMemberId());
        st.setDate(6, a.dueOn() == null ? null : Date.valueOf(a.dueOn()));
        st.setString(7, a.status());
        st.setBoolean(8, a.deleted());
        st.setObject(9, a.goalId());
        st.setObject(10, a.id());
    }

    private static void uuid(PreparedStatement st, int index, UUID value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.OTHER);
        } else {
            st.setObject(index, value);
        }
    }
}
