package org.roundtable.conference.infrastructure.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Predicate;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.ActionRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.GoalRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.RevisionMove;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * PostgreSQL: the whole batch in one statement, so one round trip, which commits on its own
 * (autocommit; a statement is atomic). The log insert is the statement; the revisions and
 * snapshots, and the goal and action rows the batch touched, are data-modifying parts of its
 * WITH clause, each taking its rows as arrays (unnest). Against batched statements and a commit
 * this saves four round trips per batch, each a wake-up of the database and of this thread. An
 * action_plan row is changed once per statement (revision and snapshot together), as
 * PostgreSQL requires.
 *
 * A second writer is caught by the log's primary key (plan_id, revision): every move of a plan's
 * revision inserts a log row for each revision, so whoever moved the plan past where we started
 * holds the revision we insert first, and the whole batch fails with a unique violation.
 */
final class PostgresPlanBatchStore extends PlanBatchStore {

    private static final String UNIQUE_VIOLATION = "23505";

    /** A part of the statement: its text, whether this batch has rows for it, and how its rows become parameters. */
    private record Part(String sql, Predicate<PlanBatchRows> present, Binder binder) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Parameters parameters, PlanBatchRows rows) throws SQLException;
    }

    /** Each plan's revision moves on, and its snapshot is stored when one is due (null leaves the last one). */
    private static final Part MOVES = new Part("""
            moved as (update action_plan p set revision = m.to_revision, version = p.version + 1,
                    document = coalesce(m.document, p.document), document_revision = coalesce(m.document_revision, p.document_revision)
                from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[])
                    as m (id, from_revision, to_revision, document, document_revision)
                where p.id = m.id and p.revision = m.from_revision)""", rows -> true, (p, rows) -> {
            List<RevisionMove> moves = rows.moves();
            p.array("uuid", moves, RevisionMove::planId).array("int8", moves, RevisionMove::from)
                    .array("int8", moves, RevisionMove::to)
                    .array("text", moves, m -> rows.snapshotOf(m.planId()).map(Pending::snapshot).orElse(null))
                    .array("int8", moves, m -> rows.snapshotOf(m.planId()).map(s -> s.change().revision()).orElse(null));
        });

    private static final List<Part> PROJECTION = List.of(
            new Part("""
                    new_goals as (insert into plan_goal (id, plan_id, position_key, title, description, deleted, version)
                        select g.*, 0 from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[]) as g)""",
                    rows -> !rows.newGoals().isEmpty(), (p, rows) -> {
                        p.array("uuid", rows.newGoals(), GoalRow::id).array("uuid", rows.newGoals(), GoalRow::planId);
                        goalValues(p, rows.newGoals());
                    }),
            new Part("""
                    goals as (update plan_goal g set position_key = m.position_key, title = m.title, description = m.description,
                            deleted = m.deleted, version = g.version + 1
                        from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[])
                            as m (id, position_key, title, description, deleted)
                        where g.id = m.id)""", rows -> !rows.goals().isEmpty(), (p, rows) -> {
                    p.array("uuid", rows.goals(), GoalRow::id);
                    goalValues(p, rows.goals());
                }),
            new Part("""
                    new_actions as (insert into plan_action (id, goal_id, position_key, description, owner_kind, owner_agency_id,
                            owner_family_member_id, due_on, status, deleted, version)
                        select a.*, 0 from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::uuid[],
                            ?::date[], ?::varchar[], ?::boolean[]) as a)""", rows -> !rows.newActions().isEmpty(),
                    (p, rows) -> actionValues(p, rows.newActions())),
            new Part("""
                    actions as (update plan_action a set goal_id = m.goal_id, position_key = m.position_key, description = m.description,
                            owner_kind = m.owner_kind, owner_agency_id = m.owner_agency_id, owner_family_member_id = m.owner_family_member_id,
                            due_on = m.due_on, status = m.status, deleted = m.deleted, version = a.version + 1
                        from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::uuid[],
                            ?::date[], ?::varchar[], ?::boolean[])
                            as m (id, goal_id, position_key, description, owner_kind, owner_agency_id, owner_family_member_id,
                                due_on, status, deleted)
                        where a.id = m.id)""", rows -> !rows.actions().isEmpty(), (p, rows) -> actionValues(p, rows.actions())));

    /** The log rows, the statement's main part: every batch has them. */
    private static final Part LOG = new Part("""
            insert into plan_change (plan_id, revision, change_id, client_id, author_kind, author_id, operations, applied_at,
                    previous_hash, hash)
                select * from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::text[],
                    ?::timestamptz[], ?::varchar[], ?::varchar[])""", rows -> true, (p, rows) -> {
            List<Pending> changes = rows.changes();
            p.array("uuid", changes, Pending::planId).array("int8", changes, c -> c.change().revision())
                    .array("varchar", changes, c -> c.change().changeId()).array("varchar", changes, c -> c.change().clientId())
                    .array("varchar", changes, Pending::authorKind).array("uuid", changes, Pending::authorId)
                    .array("text", changes, Pending::operations).array("text", changes, c -> c.at().toString())
                    .array("varchar", changes, Pending::previousHash).array("varchar", changes, Pending::hash);
        });

    /** A statement per combination of projection parts a batch needs (typically: updated actions only), prepared once. */
    private final Map<Integer, PreparedStatement> statements = new HashMap<>();

    PostgresPlanBatchStore(Connection connection) throws SQLException {
        super(connection);
        connection.setAutoCommit(true);
    }

    @Override
    void write(PlanBatchRows rows) throws SQLException {
        List<Part> parts = new ArrayList<>(List.of(MOVES));
        int needed = 0;
        for (int i = 0; i < PROJECTION.size(); i++) {
            if (PROJECTION.get(i).present().test(rows)) {
                needed |= 1 << i;
                parts.add(PROJECTION.get(i));
            }
        }
        PreparedStatement statement = statements.get(needed);
        if (statement == null) {
            var ctes = new StringJoiner(",\n", "with ", "\n");
            parts.forEach(part -> ctes.add(part.sql()));
            statement = connection.prepareStatement(ctes + LOG.sql());
            statements.put(needed, statement);
        }
        parts.add(LOG);
        var parameters = new Parameters(statement);
        for (Part part : parts) {
            part.binder().bind(parameters, rows);
        }
        try {
            statement.execute();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new PlanStore.ConcurrentWrite();
            }
            throw e;
        }
    }

    private static void goalValues(Parameters p, List<GoalRow> goals) throws SQLException {
        p.array("varchar", goals, GoalRow::position).array("varchar", goals, GoalRow::title)
                .array("varchar", goals, GoalRow::description).array("bool", goals, GoalRow::deleted);
    }

    private static void actionValues(Parameters p, List<ActionRow> actions) throws SQLException {
        p.array("uuid", actions, ActionRow::id).array("uuid", actions, ActionRow::goalId)
                .array("varchar", actions, ActionRow::position).array("varchar", actions, ActionRow::description)
                .array("varchar", actions, a -> a.ownerKind() == null ? null : a.ownerKind().name())
                .array("uuid", actions, ActionRow::ownerAgencyId).array("uuid", actions, ActionRow::ownerFamilyMemberId)
                .array("text", actions, a -> a.dueOn() == null ? null : a.dueOn().toString())
                .array("varchar", actions, ActionRow::status).array("bool", actions, ActionRow::deleted);
    }

    /** Sets a statement's parameters in order, each a column of rows as an array. */
    private final class Parameters {
        private final PreparedStatement statement;
        private int index = 1;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        <T> Parameters array(String type, List<T> rows, Function<T, Object> column) throws SQLException {
            Object[] values = new Object[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = column.apply(rows.get(i));
            }
            Array array = connection.createArrayOf(type, values);
            statement.setArray(index++, array);
            return this;
        }
    }
}
