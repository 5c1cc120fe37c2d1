package org.roundtable.conference.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.audit.AuditChainVerifier;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Voids;
import org.roundtable.shared.audit.ChainHash;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextDiff;

/**
 * A change that voids a signature goes the way of every other change: through the plan writer's
 * batch, with the voiding and its audit entry in the same atomic write, announced only once
 * committed. Every change here is made as the live plan makes it ({@link Pending#of}), so the
 * databases' hash chains must verify. Each database here holds only this class's plans.
 */
class EditsThatVoidSignaturesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123456Z");

    @RegisterExtension
    static final MigratedDatabases migrated = new MigratedDatabases("voiding");

    /** Where a store's connections come from. */
    @FunctionalInterface
    interface Database {
        Connection connect() throws SQLException;
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("PostgreSQL", (Database) migrated::postgres),
                Arguments.of("H2", (Database) migrated::h2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_edit_that_voids_a_signature_is_stored_with_the_voiding_and_its_audit_entry(String name, Database db) throws SQLException {
        var plan = new SignedPlan(db);
        long auditBefore = plan.auditEntries();
        var voided = new ArrayList<VoidedSignature>();
        Pending edit = plan.edit(plan.voiding(), (stored, v) -> voided.addAll(v), failure -> { },
                plan.retitle(plan.action, PlanField.DESCRIPTION, "Repair the boiler by Friday"));
        try (var store = plan.store()) {
            new GroupCommit(store).commit(List.of(edit));
        }

        assertEquals(List.of(plan.signatureId), voided.stream().map(VoidedSignature::signatureId).toList());
        assertEquals(CallerKind.STAFF, voided.get(0).signerKind());
        assertEquals("Sam Worker", voided.get(0).signerName());
        try (Connection c = db.connect(); var st = c.createStatement()) {
            var rs = st.executeQuery("select voided_at, void_reason from action_signature where id = '" + plan.signatureId + "'");
            rs.next();
            assertNotNull(rs.getTimestamp(1));
            assertEquals("Changed by Chris Chair after it was signed", rs.getString(2));
            rs = st.executeQuery("select event, actor_name, subject_id, family_id, detail from audit_entry order by seq desc");
            rs.next();
            assertEquals("SIGNATURE_VOIDED", rs.getString(1));
            assertEquals("Chris Chair", rs.getString(2));
            assertEquals(plan.signatureId.toString(), rs.getString(3));
            assertEquals(plan.familyId.toString(), rs.getString(4));
            assertTrue(rs.getString(5).contains("\"revision\":2"), rs.getString(5));
            rs = st.executeQuery("select description from plan_action where id = '" + plan.action + "'");
            rs.next();
            assertEquals("Repair the boiler by Friday", rs.getString(1));
        }
        assertEquals(auditBefore + 1, plan.auditEntries());
        plan.assertChainsIntact();
    }

    /**
     * The database refuses the write at its last step of the audit append (the move of the
     * chain's head, after the signature was voided and its entry inserted in the same
     * transaction): none of it stays, so the signature is still in force and the audit log does
     * not speak of a change that never happened. Written again once the database accepts it, all
     * of it is there.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_edit_that_voids_a_signature_is_stored_with_its_audit_entry_or_not_at_all(String name, Database db) throws SQLException {
        var plan = new SignedPlan(db);
        long auditBefore = plan.auditEntries();
        Pending edit = plan.edit(plan.voiding(), (stored, v) -> { }, failure -> { },
                plan.retitle(plan.action, PlanField.DESCRIPTION, "Someone else fixes the boiler"));
        refuseMovingTheAuditHead(db, true);
        try (PlanBatchStore store = PlanBatchStore.on(db.connect())) {
            var refused = assertThrows(SQLException.class, () -> store.write(PlanBatchRows.of(List.of(edit))));
            assertTrue(String.valueOf(refused.getMessage()).contains("audit head refused"), refused::getMessage);
        } finally {
            refuseMovingTheAuditHead(db, false);
        }

        assertEquals(List.of("signature in force", "0 audit entries", "revision 1", "Fix the boiler"), plan.stored());
        assertEquals(auditBefore, plan.auditEntries());
        plan.assertChainsIntact();

        try (PlanBatchStore store = PlanBatchStore.on(db.connect())) {
            store.write(PlanBatchRows.of(List.of(edit)));
        }
        assertEquals(List.of("signature void", "1 audit entries", "revision 2", "Someone else fixes the boiler"), plan.stored());
        plan.assertChainsIntact();
    }

    /** Fails every move of the audit chain's head (the last statement of an audit append) while on. */
    private static void refuseMovingTheAuditHead(Database db, boolean on) throws SQLException {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            if (!on) {
                st.execute("drop trigger refuse_audit_head" + (postgres ? " on audit_head" : ""));
            } else if (postgres) {
                st.execute("""
                        create or replace function refuse_audit_head() returns trigger language plpgsql as
                        $$ begin raise exception 'audit head refused'; end $$""");
                st.execute("create trigger refuse_audit_head after update on audit_head for each row execute function refuse_audit_head()");
            } else {
                st.execute("create trigger refuse_audit_head after update on audit_head for each row call '"
                        + RefuseAuditHead.class.getName() + "'");
            }
        }
    }

    /** H2's form of the trigger above. */
    public static final class RefuseAuditHead implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("audit head refused");
        }
    }

    /**
     * Someone holds the audit chain's head (a slow transaction elsewhere) while the writer has a
     * change that voids a signature: the writer gives up on that change after a bounded wait
     * instead of freezing every room, and another plan's ordinary change in the same batch is
     * stored all the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only: the promise is "fails rather than waits"
    void a_held_audit_log_fails_the_edit_that_voids_a_signature_and_not_other_plans_changes(String name, Database db)
            throws SQLException {
        var voidingPlan = new SignedPlan(db);
        var otherPlan = new SignedPlan(db);
        var outcome = new ArrayList<String>();
        Pending voiding = voidingPlan.edit(voidingPlan.voiding(), (s, v) -> outcome.add("voiding edit stored"),
                f -> outcome.add("voiding edit failed"), voidingPlan.retitle(voidingPlan.action, PlanField.DESCRIPTION, "New boiler"));
        Pending ordinary = otherPlan.edit(null, (s, v) -> outcome.add("other plan's edit stored"),
                f -> outcome.add("other plan's edit failed"), otherPlan.retitle(otherPlan.goal, PlanField.TITLE, "A dry home"));
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (var st = holder.createStatement(); var rs = st.executeQuery("select last_seq from audit_head where id = 1 for update")) {
                rs.next();
            }
            try (var store = voidingPlan.store()) {
                new GroupCommit(store).commit(List.of(voiding, ordinary));
            } finally {
                holder.rollback();
            }
        }

        assertEquals(List.of("voiding edit failed", "other plan's edit stored"), outcome);
        assertEquals(List.of("signature in force", "0 audit entries", "revision 1", "Fix the boiler"), voidingPlan.stored());
        assertEquals("revision 2", otherPlan.stored().get(2));
        voidingPlan.assertChainsIntact();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_signature_voiding_change_is_never_acknowledged_before_it_is_stored(String name, Database db) throws SQLException {
        var plan = new SignedPlan(db);
        var seenWhenAnnounced = new ArrayList<String>();
        Pending edit = plan.edit(plan.voiding(), (stored, voided) -> {
            // Announcing is what acknowledges the change: by now, another connection sees it all.
            try (Connection other = db.connect(); var st = other.createStatement()) {
                var rs = st.executeQuery("select voided_at from action_signature where id = '" + plan.signatureId + "'");
                rs.next();
                seenWhenAnnounced.add(rs.getTimestamp(1) == null ? "signature in force" : "signature void");
                rs = st.executeQuery("select count(*) from audit_entry where subject_id = '" + plan.signatureId + "'");
                rs.next();
                seenWhenAnnounced.add(rs.getInt(1) + " audit entry");
                rs = st.executeQuery("select revision from action_plan where id = '" + plan.planId + "'");
                rs.next();
                seenWhenAnnounced.add("revision " + rs.getLong(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, failure -> seenWhenAnnounced.add("failed"), plan.retitle(plan.action, PlanField.DESCRIPTION, "Boiler fixed"));
        try (var store = plan.store()) {
            new GroupCommit(store).commit(List.of(edit));
        }
        assertEquals(List.of("signature void", "1 audit entry", "revision 2"), seenWhenAnnounced);

        // One the database refuses is never announced at all: its sender is told it failed.
        var second = new SignedPlan(db);
        var outcome = new ArrayList<String>();
        Pending refused = second.edit(second.voiding(), (stored, voided) -> outcome.add("announced"),
                failure -> outcome.add("failed"), second.retitle(second.action, PlanField.DESCRIPTION, "Boiler fixed"),
                second.retitle(second.goal, PlanField.TITLE, "t".repeat(501)));
        try (var store = second.store()) {
            new GroupCommit(store).commit(List.of(refused));
        }
        assertEquals(List.of("failed"), outcome);
    }

    /**
     * The plan's earlier edits, queued but not yet acknowledged, are not lost with a later change
     * of the same plan that voids a signature and is refused: they are stored and acknowledged,
     * and only the refused change (and any after it) fails.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_refused_edit_that_voids_a_signature_does_not_lose_the_plans_earlier_edits(String name, Database db) throws SQLException {
        var plan = new SignedPlan(db);
        var outcome = new ArrayList<String>();
        Pending earlier = plan.edit(null, (s, v) -> outcome.add("earlier edit stored"), f -> outcome.add("earlier edit failed"),
                plan.retitle(plan.goal, PlanField.TITLE, "A warm, dry home"));
        Pending voiding = plan.edit(plan.voiding(), (s, v) -> outcome.add("voiding edit stored"),
                f -> outcome.add("voiding edit failed"), plan.retitle(plan.action, PlanField.DESCRIPTION, "New boiler"));
        refuseMovingTheAuditHead(db, true);
        try (var store = plan.store()) {
            new GroupCommit(store).commit(List.of(earlier, voiding));
        } finally {
            refuseMovingTheAuditHead(db, false);
        }

        assertEquals(List.of("earlier edit stored", "voiding edit failed"), outcome);
        assertEquals(List.of("signature in force", "0 audit entries", "revision 2", "Fix the boiler"), plan.stored());
        plan.assertChainsIntact();
    }

    /**
     * A batch of changes, the middle one voiding a signature, stored after the plan's earlier
     * changes: each change's link covers the one before it, across batches, so that the verifier
     * (which recomputes every link) finds the plan's chain and the audit log whole.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_chain_hash_of_a_batch_continues_the_plans_chain(String name, Database db) throws SQLException {
        var plan = new SignedPlan(db);
        String before = plan.lastHash;
        var batch = new ArrayList<Pending>();
        batch.add(plan.edit(null, (s, v) -> { }, f -> { }, plan.retitle(plan.goal, PlanField.TITLE, "A warm, safe home")));
        batch.add(plan.edit(plan.voiding(), (s, v) -> { }, f -> { }, plan.retitle(plan.action, PlanField.DESCRIPTION, "New boiler")));
        batch.add(plan.edit(null, (s, v) -> { }, f -> { }, plan.retitle(plan.goal, PlanField.DESCRIPTION, "Before winter")));
        try (var store = plan.store()) {
            new GroupCommit(store).commit(batch);
        }

        try (Connection c = db.connect(); var st = c.createStatement()) {
            var rs = st.executeQuery("select previous_hash from plan_change where plan_id = '" + plan.planId + "' and revision = 2");
            rs.next();
            assertEquals(before, rs.getString(1), "the batch's first change follows the change stored before it");
        }
        plan.assertChainsIntact();
    }

    /**
     * A family whose plan has a goal and an action (stored at revision 1 through the writer), and
     * the action signed in a conference by its owner.
     */
    private static final class SignedPlan {
        final Database db;
        final UUID familyId = UUID.randomUUID();
        final UUID planId = UUID.randomUUID();
        final UUID signatureId = UUID.randomUUID();
        final String goal = UUID.randomUUID().toString();
        final String action = UUID.randomUUID().toString();
        final Caller chair;
        final PlanDocument document = new PlanDocument();
        long revision;
        String lastHash = ChainHash.GENESIS;

        SignedPlan(Database db) throws SQLException {
            this.db = db;
            UUID agency = UUID.randomUUID();
            UUID chairId = UUID.randomUUID();
            UUID signer = UUID.randomUUID();
            UUID conference = UUID.randomUUID();
            chair = Caller.staff(chairId, "Chris Chair", agency, Set.of());
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.executeUpdate("insert into family (id, name, created_at) values ('" + familyId + "', 'Taylor', current_timestamp)");
                st.executeUpdate("insert into action_plan (id, family_id, revision) values ('" + planId + "', '" + familyId + "', 0)");
                st.executeUpdate("insert into agency (id, name, kind) values ('" + agency + "', 'Care " + agency + "', 'SOCIAL_CARE')");
                for (UUID staff : List.of(chairId, signer)) {
                    st.executeUpdate("insert into staff_member (id, agency_id, full_name, email, username, password_hash) values ('"
                            + staff + "', '" + agency + "', 'Staff', '" + staff + "@example.org', '" + staff + "', 'x')");
                }
                st.executeUpdate("insert into conference (id, family_id, kind, scheduled_start, chair_id, status) values ('" + conference
                        + "', '" + familyId + "', 'REVIEW', current_timestamp, '" + chairId + "', 'RUNNING')");
            }
            Pending first = edit(null, (s, v) -> { }, f -> { }, new PlanOperation.CreateGoal(goal, "a", "Safe, warm home"),
                    new PlanOperation.CreateAction(action, goal, "a", "Fix the boiler"),
                    new PlanOperation.SetField(action, PlanField.OWNER, "AGENCY:" + agency));
            try (var store = store()) {
                new GroupCommit(store).commit(List.of(first));
            }
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.executeUpdate("""
                        insert into action_signature (id, plan_id, action_id, conference_id, signer_kind, signer_id, signer_name,
                            agency_id, content_hash, signed_at) values ('%s', '%s', '%s', '%s', 'STAFF', '%s', 'Sam Worker', '%s',
                            '%s', current_timestamp)""".formatted(signatureId, planId, action, conference, signer, agency,
                        "0".repeat(64)));
            }
        }

        ReconnectingPlanBatchStore store() {
            return new ReconnectingPlanBatchStore(db::connect);
        }

        /** The chair's change to the plan, at the next revision, as the live plan makes it. */
        Pending edit(Voids voids, BiConsumer<Pending, List<VoidedSignature>> onDurable, Consumer<RuntimeException> onFailure,
                PlanOperation... ops) {
            for (PlanOperation op : ops) {
                document.apply(op);
            }
            revision++;
            var change = new PlanChange("change-" + planId + "-" + revision, "client", revision, List.of(ops));
            Pending pending = Pending.of(planId, chair, change, document, NOW, lastHash, false, voids, () -> true, onDurable, onFailure);
            lastHash = pending.hash();
            return pending;
        }

        Voids voiding() {
            return new Voids(familyId, chair.displayName(), List.of(UUID.fromString(action)));
        }

        PlanOperation retitle(String nodeId, PlanField field, String words) {
            return new PlanOperation.EditText(nodeId, field, TextDiff.between(document.node(nodeId).orElseThrow().get(field), words));
        }

        long auditEntries() throws SQLException {
            try (Connection c = db.connect(); var st = c.createStatement();
                    var rs = st.executeQuery("select count(*) from audit_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** What the database holds of this plan's signature, its audit entries, revision and action. */
        List<String> stored() throws SQLException {
            var seen = new ArrayList<String>();
            try (Connection c = db.connect(); var st = c.createStatement()) {
                var rs = st.executeQuery("select voided_at from action_signature where id = '" + signatureId + "'");
                rs.next();
                seen.add(rs.getTimestamp(1) == null ? "signature in force" : "signature void");
                rs = st.executeQuery("select count(*) from audit_entry where subject_id = '" + signatureId + "'");
                rs.next();
                seen.add(rs.getInt(1) + " audit entries");
                rs = st.executeQuery("select revision from action_plan where id = '" + planId + "'");
                rs.next();
                seen.add("revision " + rs.getLong(1));
                rs = st.executeQuery("select description from plan_action where id = '" + action + "'");
                rs.next();
                seen.add(rs.getString(1));
            }
            return seen;
        }

        /** Both chains verify, and the verifier recomputed every stored plan change (not none of them). */
        void assertChainsIntact() throws SQLException {
            try (Connection c = db.connect(); var st = c.createStatement();
                    var rs = st.executeQuery("select count(*) from plan_change")) {
                rs.next();
                long changes = rs.getLong(1);
                var verification = AuditChainVerifier.verify(c);
                assertTrue(verification.intact(), () -> "broken: " + verification.firstBrokenLink());
                assertEquals(changes, verification.planChangesChecked());
            }
        }
    }
}
