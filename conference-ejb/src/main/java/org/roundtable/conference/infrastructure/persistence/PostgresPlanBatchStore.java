package org.roundtable.conference.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.ActionRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.GoalRow;
import org.roundtable.conference.infrastructure.persistence.PlanBatchRows.RevisionMove;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * PostgreSQL: the whole batch in one statement, so one round trip, which commits on its own
 * (autocommit; a statement is atomic). The log insert is the statement; the revisions and
 * snapshots, and the goal and action rows the batch touched, are data-modifying parts of its
 * WITH clause, their rows written out as VALUES lists. Against batched statements and a commit
 * this saves four round trips per batch, each a wake-up of the database and of this thread. An
 * action_plan row is changed once per statement (revision and snapshot together), as
 * PostgreSQL requires. The text depends on how many rows of each kind the batch has, so a
 * statement is prepared per shape and kept. The common kinds (revisions, updated goals and
 * actions, log rows) are padded up to a power of two with rows of nulls, which match and insert
 * nothing: under load, batches of every size would otherwise make hundreds of shapes, each
 * parsed and planned afresh by the driver and by PostgreSQL (a profile put a quarter of the
 * writer's time in preparing statements). A batch with more values than one statement may
 * carry, or with a change that voids signatures (rare: it reads the signatures it voids and
 * appends to the audit log), goes through batched statements in a transaction instead.
 *
 * A second writer is caught by the log's primary key (plan_id, revision): every move of a plan's
 * revision inserts a log row for each revision, so whoever moved the plan past where we started
 * holds the revision we insert first, and the whole batch fails with a unique violation.
 */
final class PostgresPlanBatchStore extends PlanBatchStore {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL takes at most 65,535 parameters in a statement; batches this big are rare anyway. */
    private static final int MAX_PARAMETERS = 30_000;
    private static final int KEPT_STATEMENTS = 64;

    /**
     * A kind of row: the SQL around its VALUES list, the SQL type of each column (written as a
     * cast, so that PostgreSQL knows the types in an UPDATE ... FROM (VALUES ...)), and how a row
     * gives its values.
     */
    private record Part<T>(String before, String after, List<String> types, Function<PlanBatchRows, List<T>> rows,
            Function<T, Object[]> values, boolean padded) {

        /** How many rows the statement has for this many real ones. */
        int rowsFor(int count) {
            return padded && count > 1 ? Integer.highestOneBit(count - 1) << 1 : count;
        }

        void appendTo(StringBuilder sql, int count) {
            sql.append(before);
            var list = new StringJoiner(", ");
            var row = new StringJoiner(", ", "(", ")");
            types.forEach(type -> row.add("?::" + type));
            for (int i = 0; i < count; i++) {
                list.add(row.toString());
            }
            sql.append(list).append(after);
        }
    }

    private static final Part<RevisionMove> MOVES = new Part<>("""
            moved as (update action_plan p set revision = m.to_revision, version = p.version + 1,
                    document = coalesce(m.document, p.document), document_revision = coalesce(m.document_revision, p.document_revision)
                from (values\s""", """
            ) as m (id, from_revision, to_revision, document, document_revision)
                where p.id = m.id and p.revision = m.from_revision)""",
            List.of("uuid", "bigint", "bigint", "text", "bigint"), PlanBatchRows::moves,
            m -> new Object[] {m.planId(), m.from(), m.to(), m.snapshot(), m.snapshotRevision()}, true);

    private static final Part<GoalRow> NEW_GOALS = new Part<>("""
            new_goals as (insert into plan_goal (id, plan_id, position_key, title, description, deleted, version)
                select m.*, 0 from (values\s""", ") as m)",
            List.of("uuid", "uuid", "varchar", "varchar", "varchar", "boolean"), PlanBatchRows::newGoals,
            g -> new Object[] {g.id(), g.planId(), g.position(), g.title(), g.description(), g.deleted()}, false);

    private static final Part<GoalRow> GOALS = new Part<>("""
            goals as (update plan_goal g set position_key = m.position_key, title = m.title, description = m.description,
                    deleted = m.deleted, version = g.version + 1
                from (values\s""", """
            ) as m (id, position_key, title, description, deleted)
                where g.id = m.id)""",
            List.of("uuid", "varchar", "varchar", "varchar", "boolean"), PlanBatchRows::goals,
            g -> new Object[] {g.id(), g.position(), g.title(), g.description(), g.deleted()}, true);

    private static final String ACTION_COLUMNS = String.join(", ", ActionRow.COLUMNS);

    private static final Part<ActionRow> NEW_ACTIONS = new Part<>(
            "new_actions as (insert into plan_action (" + ACTION_COLUMNS + ", version)\n    select m.*, 0 from (values ", ") as m)",
            ActionRow.TYPES, PlanBatchRows::newActions, ActionRow::values, false);

    private static final Part<ActionRow> ACTIONS = new Part<>("actions as (update plan_action a set "
            + ActionRow.COLUMNS.stream().skip(1).map(c -> c + " = m." + c).collect(Collectors.joining(", "))
            + ", version = a.version + 1\n    from (values ",
            ") as m (" + ACTION_COLUMNS + ")\n    where a.id = m.id)", ActionRow.TYPES, PlanBatchRows::actions, ActionRow::values, true);

    /** Padding rows (all null) are left out by the WHERE: plan_id is never null in a real one. */
    private static final Part<Pending> LOG = new Part<>("insert into plan_change (" + String.join(", ", PlanBatchRows.LOG_COLUMNS)
            + ")\n    select * from (values ", ") as m where m.column1 is not null", PlanBatchRows.LOG_TYPES, PlanBatchRows::changes,
            PlanBatchRows::logValues, true);

    /** The parts of the WITH clause, in order: goals before the actions that may belong to them. */
    private static final List<Part<?>> WITH = List.of(MOVES, NEW_GOALS, GOALS, NEW_ACTIONS, ACTIONS);
    /** Every part in the order of the statement's parameters: the WITH clause, then the log. */
    private static final List<Part<?>> ALL = List.of(MOVES, NEW_GOALS, GOALS, NEW_ACTIONS, ACTIONS, LOG);

    /** Prepared statements by shape (rows of each kind), the least recently used dropped beyond a few dozen. */
    private final Map<List<Integer>, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    /** For what one statement cannot do: batches too big for it, and changes that void signatures (which read before they write). */
    private JdbcPlanBatchStore inTransaction;

    PostgresPlanBatchStore(Connection connection) throws SQLException {
        super(connection);
        connection.setAutoCommit(true);
    }

    @Override
    Map<Pending, List<VoidedSignature>> write(PlanBatchRows rows) throws SQLException {
        if (!rows.voiding().isEmpty()) {
            return inTransaction().write(rows);
        }
        List<List<Object[]>> values = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        int parameters = 0;
        for (Part<?> part : ALL) {
            List<Object[]> partValues = valuesOf(part, rows);
            values.add(partValues);
            shape.add(part.rowsFor(partValues.size()));
            parameters += part.rowsFor(partValues.size()) * part.types().size();
        }
        if (parameters > MAX_PARAMETERS) {
            return inTransaction().write(rows);
        }
        PreparedStatement statement = statementFor(shape);
        int index = 1;
        for (int p = 0; p < ALL.size(); p++) {
            for (Object[] row : values.get(p)) {
                for (Object value : row) {
                    bind(statement, index++, value);
                }
            }
            int padding = (shape.get(p) - values.get(p).size()) * ALL.get(p).types().size();
            for (int i = 0; i < padding; i++) {
                statement.setNull(index++, Types.OTHER);
            }
        }
        try {
            statement.execute();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new PlanStore.ConcurrentWrite();
            }
            throw e;
        }
        return Map.of();
    }

    private JdbcPlanBatchStore inTransaction() throws SQLException {
        if (inTransaction == null) {
            inTransaction = new JdbcPlanBatchStore(connection);
        }
        return inTransaction;
    }

    private static <T> List<Object[]> valuesOf(Part<T> part, PlanBatchRows rows) {
        return part.rows().apply(rows).stream().map(part.values()).toList();
    }

    private PreparedStatement statementFor(List<Integer> shape) throws SQLException {
        PreparedStatement statement = statements.get(shape);
        if (statement != null) {
            return statement;
        }
        var sql = new StringBuilder();
        String separator = "with ";
        for (int i = 0; i < WITH.size(); i++) {
            if (shape.get(i) > 0) {
                sql.append(separator);
                WITH.get(i).appendTo(sql, shape.get(i));
                separator = ",\n";
            }
        }
        sql.append('\n');
        LOG.appendTo(sql, shape.get(WITH.size()));
        statement = connection.prepareStatement(sql.toString());
        statements.put(List.copyOf(shape), statement);
        if (statements.size() > KEPT_STATEMENTS) {
            var eldest = statements.entrySet().iterator();
            eldest.next().getValue().close();
            eldest.remove();
        }
        return statement;
    }
}
