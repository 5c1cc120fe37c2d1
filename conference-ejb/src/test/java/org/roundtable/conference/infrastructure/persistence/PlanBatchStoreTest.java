package org.roundtable.conference.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextDiff;

/**
 * The plan writer's two ways of storing a batch, on the databases they serve: one statement on
 * PostgreSQL, batched statements elsewhere (tried on PostgreSQL too, and on H2 as in the demo).
 * Both must store the same rows, and both must store nothing when another writer got there first.
 */
class PlanBatchStoreTest {

    @RegisterExtension
    static final MigratedDatabases migrated = new MigratedDatabases("plans");

    /** Each way of storing, named, on a fresh connection to its database. */
    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("one statement on PostgreSQL", (StoreOpener) () -> PlanBatchStore.on(postgresConnection()), true),
                Arguments.of("batched statements on PostgreSQL", (StoreOpener) () -> new JdbcPlanBatchStore(postgresConnection()), true),
                Arguments.of("batched statements on H2", (StoreOpener) () -> PlanBatchStore.on(migrated.h2()),
                        false));
    }

    @FunctionalInterface
    interface StoreOpener {
        PlanBatchStore open() throws SQLException;
    }

    private static Connection postgresConnection() throws SQLException {
        return migrated.postgres();
    }

    @Test
    void postgresql_gets_the_one_statement_store_and_h2_the_batched_statements() throws SQLException {
        try (PlanBatchStore store = PlanBatchStore.on(postgresConnection())) {
            assertInstanceOf(PostgresPlanBatchStore.class, store);
        }
        try (PlanBatchStore store = PlanBatchStore.on(migrated.h2())) {
            assertInstanceOf(JdbcPlanBatchStore.class, store);
        }
    }

    @Test
    void a_batch_after_the_database_dropped_the_writers_connection_is_stored_on_a_fresh_one() throws SQLException {
        var backends = new ArrayList<Integer>();
        ReconnectingPlanBatchStore.ConnectionSource source = () -> {
            Connection c = postgresConnection();
            try (var st = c.createStatement(); var rs = st.executeQuery("select pg_backend_pid()")) {
                rs.next();
                backends.add(rs.getInt(1));
            }
            return c;
        };
        var plan = new TestPlan(() -> PlanBatchStore.on(source.open()), true);
        String goal = UUID.randomUUID().toString();
        try (var store = new ReconnectingPlanBatchStore(source)) {
            store.write(PlanBatchRows.of(List.of(plan.change(1, new PlanOperation.CreateGoal(goal, "a", "Jess sleeps well")))));
            // Overnight, something between the server and the database drops the idle connection.
            try (Connection admin = postgresConnection(); var st = admin.createStatement()) {
                st.execute("select pg_terminate_backend(" + backends.get(0) + ")");
            }
            store.write(PlanBatchRows.of(List.of(plan.change(2, plan.edit(goal, PlanField.TITLE, "Jess sleeps through the night")))));
        }
        assertEquals(2, backends.size(), "a fresh connection for the second batch");
        try (Connection c = plan.connection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select p.revision, g.title from action_plan p join plan_goal g on g.plan_id = p.id where p.id = '"
                    + plan.planId + "'");
            rs.next();
            assertEquals(2, rs.getLong(1));
            assertEquals("Jess sleeps through the night", rs.getString(2));
        }
    }

    @Test
    void a_batch_the_database_refuses_is_not_tried_again() throws SQLException {
        var opened = new ArrayList<Connection>();
        ReconnectingPlanBatchStore.ConnectionSource source = () -> {
            Connection c = postgresConnection();
            opened.add(c);
            return c;
        };
        var plan = new TestPlan(() -> PlanBatchStore.on(source.open()), true);
        String goal = UUID.randomUUID().toString();
        try (var store = new ReconnectingPlanBatchStore(source)) {
            store.write(PlanBatchRows.of(List.of(plan.change(1, new PlanOperation.CreateGoal(goal, "a", "Rent paid on time")))));
            var again = List.of(plan.change(1, plan.edit(goal, PlanField.TITLE, "Rent paid")));
            assertThrows(PlanStore.ConcurrentWrite.class, () -> store.write(PlanBatchRows.of(again)));
        }
        assertEquals(1, opened.size(), "no second connection for a refusal");
    }

    @Test
    void a_batch_too_big_for_one_postgresql_statement_is_stored_all_the_same() throws SQLException {
        StoreOpener opener = () -> PlanBatchStore.on(postgresConnection());
        var plan = new TestPlan(opener, true);
        String goal = UUID.randomUUID().toString();
        var batch = new ArrayList<Pending>();
        batch.add(plan.change(1, new PlanOperation.CreateGoal(goal, "a", "Everything at once")));
        // 1,600 new actions: 32,000 values and more, past what one statement takes.
        for (int i = 0; i < 1600; i++) {
            batch.add(plan.change(i + 2, new PlanOperation.CreateAction(UUID.randomUUID().toString(), goal, "a" + i + "1", "Step " + i)));
        }
        try (PlanBatchStore store = opener.open()) {
            store.write(PlanBatchRows.of(batch));
            // The same connection carries on with one statement for an ordinary batch.
            String first = batch.get(1).change().operations().get(0).nodeId();
            store.write(PlanBatchRows.of(List.of(plan.change(1602, plan.edit(first, PlanField.DESCRIPTION, "Step one")))));
        }
        try (Connection c = plan.connection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from plan_action a join plan_goal g on g.id = a.goal_id where g.plan_id = '"
                    + plan.planId + "'");
            rs.next();
            assertEquals(1600, rs.getInt(1));
            rs = st.executeQuery("select revision from action_plan where id = '" + plan.planId + "'");
            rs.next();
            assertEquals(1602, rs.getLong(1));
            rs = st.executeQuery("select count(*) from plan_action where description = 'Step one'");
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void a_batch_stores_the_log_moves_the_revision_and_projects_every_goal_and_action_it_touched(String name, StoreOpener opener,
            boolean onPostgres) throws SQLException {
        var plan = new TestPlan(opener, onPostgres);
        String goal = UUID.randomUUID().toString();
        String action = UUID.randomUUID().toString();
        UUID agency = plan.agency();
        var batch = new ArrayList<Pending>();
        batch.add(plan.change(1, new PlanOperation.CreateGoal(goal, "a", "Safe, warm home")));
        batch.add(plan.change(2, new PlanOperation.CreateAction(action, goal, "a", "Fix the boiler")));
        batch.add(plan.change(3, new PlanOperation.SetField(action, PlanField.OWNER, "AGENCY:" + agency),
                new PlanOperation.SetField(action, PlanField.DUE_ON, "2026-12-18")));
        plan.store(batch, true);

        // A later batch updates what the first one created and takes a snapshot.
        plan.store(List.of(plan.change(4, plan.edit(goal, PlanField.TITLE, "A safe, warm home")),
                plan.change(5, new PlanOperation.SetField(action, PlanField.STATUS, "DONE"))), false, 5);

        try (Connection c = plan.connection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select revision, document_revision from action_plan where id = '" + plan.planId + "'");
            rs.next();
            assertEquals(5, rs.getLong(1));
            assertEquals(5, rs.getLong(2));
            rs = st.executeQuery("select count(*), max(revision) from plan_change where plan_id = '" + plan.planId + "'");
            rs.next();
            assertEquals(5, rs.getInt(1));
            assertEquals(5, rs.getLong(2));
            rs = st.executeQuery("select title, position_key, deleted from plan_goal where id = '" + goal + "'");
            rs.next();
            assertEquals("A safe, warm home", rs.getString(1));
            assertEquals("a", rs.getString(2));
            rs = st.executeQuery("select description, owner_kind, owner_agency_id, due_on, status, goal_id from plan_action where id = '"
                    + action + "'");
            rs.next();
            assertEquals("Fix the boiler", rs.getString(1));
            assertEquals("AGENCY", rs.getString(2));
            assertEquals(agency, rs.getObject(3, UUID.class));
            assertEquals("2026-12-18", rs.getDate(4).toLocalDate().toString());
            assertEquals("DONE", rs.getString(5));
            assertEquals(goal, rs.getObject(6, UUID.class).toString());
            rs = st.executeQuery("select hash, previous_hash, operations from plan_change where plan_id = '" + plan.planId
                    + "' and revision = 2");
            rs.next();
            assertEquals("hash-2", rs.getString(1));
            assertEquals("hash-1", rs.getString(2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void a_batch_stores_nothing_when_another_writer_moved_the_plan_first(String name, StoreOpener opener, boolean onPostgres)
            throws SQLException {
        var plan = new TestPlan(opener, onPostgres);
        String goal = UUID.randomUUID().toString();
        plan.store(List.of(plan.change(1, new PlanOperation.CreateGoal(goal, "a", "Keep Jess in school"))), true);
        // Another node stores revision 2 first.
        try (Connection c = plan.connection(); var st = c.createStatement()) {
            st.executeUpdate("insert into plan_change (plan_id, revision, change_id, client_id, author_kind, author_id, operations, "
                    + "applied_at) values ('" + plan.planId + "', 2, 'elsewhere-" + plan.planId + "', 'other-node', 'STAFF', '" + UUID.randomUUID()
                    + "', '[]', current_timestamp)");
            st.executeUpdate("update action_plan set revision = 2 where id = '" + plan.planId + "'");
        }
        var late = List.of(plan.change(2, plan.edit(goal, PlanField.TITLE, "Overwritten?")),
                plan.change(3, plan.edit(goal, PlanField.DESCRIPTION, "No")));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> plan.store(late, false));
        assertInstanceOf(PlanStore.ConcurrentWrite.class, refused);
        try (Connection c = plan.connection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select revision from action_plan where id = '" + plan.planId + "'");
            rs.next();
            assertEquals(2, rs.getLong(1));
            rs = st.executeQuery("select title, description from plan_goal where id = '" + goal + "'");
            rs.next();
            assertEquals("Keep Jess in school", rs.getString(1));
            assertEquals("", rs.getString(2));
            rs = st.executeQuery("select count(*) from plan_change where plan_id = '" + plan.planId + "' and client_id <> 'other-node'");
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void one_batch_stores_the_changes_of_several_plans_together(String name, StoreOpener opener, boolean onPostgres) throws SQLException {
        var first = new TestPlan(opener, onPostgres);
        var second = new TestPlan(opener, onPostgres);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        var batch = new ArrayList<Pending>();
        batch.add(first.change(1, new PlanOperation.CreateGoal(a, "a", "Health")));
        batch.add(second.change(1, new PlanOperation.CreateGoal(b, "a", "School")));
        batch.add(first.change(2, first.edit(a, PlanField.DESCRIPTION, "Dentist")));
        try (PlanBatchStore store = opener.open()) {
            store.write(PlanBatchRows.of(batch));
        }
        try (Connection c = first.connection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select p.revision, g.description from action_plan p join plan_goal g on g.plan_id = p.id where p.id = '"
                    + first.planId + "'");
            rs.next();
            assertEquals(2, rs.getLong(1));
            assertEquals("Dentist", rs.getString(2));
            rs = st.executeQuery("select revision from action_plan where id = '" + second.planId + "'");
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void two_families_clients_may_use_the_same_change_id(String name, StoreOpener opener, boolean onPostgres) throws SQLException {
        var first = new TestPlan(opener, onPostgres);
        var second = new TestPlan(opener, onPostgres);
        String changeId = "c-1-" + UUID.randomUUID();
        try (PlanBatchStore store = opener.open()) {
            store.write(PlanBatchRows.of(List.of(first.change(1, changeId, new PlanOperation.CreateGoal(UUID.randomUUID().toString(), "a", "Health")))));
            store.write(PlanBatchRows.of(List.of(second.change(1, changeId, new PlanOperation.CreateGoal(UUID.randomUUID().toString(), "a", "School")))));
        }
        try (Connection c = first.connection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from plan_change where change_id = '" + changeId + "'");
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    /**
     * A change the database refuses (here a title too long for its column, as the live socket
     * once let through) in one plan, beside good changes of four others in the same commit: the
     * four are stored and announced, only the one plan fails.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void a_change_the_database_refuses_fails_only_its_own_plan_not_the_others_in_its_batch(String name, StoreOpener opener,
            boolean onPostgres) throws SQLException {
        var plans = new ArrayList<TestPlan>();
        for (int i = 0; i < 5; i++) {
            plans.add(new TestPlan(opener, onPostgres));
        }
        var durable = new ArrayList<UUID>();
        var failed = new ArrayList<UUID>();
        var batch = new ArrayList<Pending>();
        for (int i = 0; i < 5; i++) {
            TestPlan plan = plans.get(i);
            String title = i == 2 ? "t".repeat(501) : "Goal " + i;
            Pending p = plan.change(1, new PlanOperation.CreateGoal(UUID.randomUUID().toString(), "a", title));
            batch.add(new Pending(p.planId(), p.change(), p.authorKind(), p.authorId(), p.operations(), p.at(), p.previousHash(), p.hash(),
                    p.touched(), p.created(), p.snapshot(), null, p.current(), (stored, voided) -> durable.add(p.planId()),
                    e -> failed.add(p.planId())));
        }
        ReconnectingPlanBatchStore.ConnectionSource source = () -> opener.open().connection;
        try (var store = new ReconnectingPlanBatchStore(source)) {
            new GroupCommit(store).commit(batch);
        }
        assertEquals(List.of(plans.get(2).planId), failed);
        assertEquals(List.of(plans.get(0).planId, plans.get(1).planId, plans.get(3).planId, plans.get(4).planId), durable);
        try (Connection c = plans.get(0).connection(); var st = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                var rs = st.executeQuery("select revision from action_plan where id = '" + plans.get(i).planId + "'");
                rs.next();
                assertEquals(i == 2 ? 0 : 1, rs.getLong(1), "plan " + i);
            }
        }
    }

    /** A family with an empty plan, and the document the test's changes build on, as the live plan would. */
    private static final class TestPlan {
        final UUID planId = UUID.randomUUID();
        final PlanDocument document = new PlanDocument();
        final StoreOpener opener;
        final boolean onPostgres;

        TestPlan(StoreOpener opener, boolean onPostgres) throws SQLException {
            this.opener = opener;
            this.onPostgres = onPostgres;
            UUID family = UUID.randomUUID();
            try (Connection c = connection(); var st = c.createStatement()) {
                st.executeUpdate("insert into family (id, name, created_at) values ('" + family + "', 'Taylor', current_timestamp)");
                st.executeUpdate("insert into action_plan (id, family_id, revision) values ('" + planId + "', '" + family + "', 0)");
            }
        }

        Connection connection() throws SQLException {
            return onPostgres ? postgresConnection() : migrated.h2();
        }

        UUID agency() throws SQLException {
            UUID id = UUID.randomUUID();
            try (Connection c = connection(); var st = c.createStatement()) {
                st.executeUpdate("insert into agency (id, name, kind) values ('" + id + "', 'Housing " + id + "', 'HOUSING')");
            }
            return id;
        }

        /** An edit replacing a text field's words, as a client's editor would send it. */
        PlanOperation edit(String nodeId, PlanField field, String words) {
            return new PlanOperation.EditText(nodeId, field, TextDiff.between(document.node(nodeId).orElseThrow().get(field), words));
        }

        /** A change at this revision, applied to the test's document as the plan's authority would. */
        Pending change(long revision, PlanOperation... ops) {
            return change(revision, "change-" + planId + "-" + revision, ops);
        }

        Pending change(long revision, String changeId, PlanOperation... ops) {
            var touched = new LinkedHashSet<String>();
            var created = new HashSet<String>();
            for (PlanOperation op : ops) {
                document.apply(op);
                touched.add(op.nodeId());
                if (op instanceof PlanOperation.CreateGoal || op instanceof PlanOperation.CreateAction) {
                    created.add(op.nodeId());
                }
            }
            List<PlanNode> nodes = touched.stream().map(id -> document.node(id).orElseThrow()).toList();
            return new Pending(planId, new PlanChange(changeId, "client", revision, List.of(ops)), "STAFF",
                    UUID.randomUUID(), "[]", Instant.parse("2026-11-26T10:00:00Z"), revision == 1 ? null : "hash-" + (revision - 1),
                    "hash-" + revision, nodes, created, null, null, () -> true, (stored, voided) -> { }, failure -> { });
        }

        void store(List<Pending> batch, boolean first) throws SQLException {
            store(batch, first, -1);
        }

        /** Stores the batch; a snapshot of the document goes with the change at snapshotAt. */
        void store(List<Pending> batch, boolean first, long snapshotAt) throws SQLException {
            var withSnapshot = batch.stream().map(p -> p.change().revision() != snapshotAt ? p
                    : new Pending(p.planId(), p.change(), p.authorKind(), p.authorId(), p.operations(), p.at(), p.previousHash(),
                            p.hash(), p.touched(), p.created(), "{\"snapshot\":" + snapshotAt + "}", null, p.current(),
                            p.onDurable(), p.onFailure())).toList();
            try (PlanBatchStore store = opener.open()) {
                store.write(PlanBatchRows.of(withSnapshot));
            }
        }
    }
}
