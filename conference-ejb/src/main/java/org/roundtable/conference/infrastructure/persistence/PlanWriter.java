package org.roundtable.conference.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;

/**
 * Group commit for plan changes. Changes of every plan wait in one queue; a single writer takes
 * all that are waiting and stores them in one transaction with batched statements (log rows,
 * revisions, the projection of the goals and actions they touched, snapshots), commits once,
 * and only then runs each change's "durable" step, in the order they were queued (which, per
 * plan, is revision order). Under load many changes share one commit; alone, a change is written
 * as soon as it arrives. Nothing is announced before its commit, so durability is unchanged.
 */
@ApplicationScoped
public class PlanWriter {

    private static final Logger LOG = Logger.getLogger(PlanWriter.class.getName());
    private static final int MAX_BATCH = 1000;

    /**
     * One change to store. {@code touched} holds the final state of each goal or action the
     * change touched; {@code created} the ids it created; {@code snapshot} the whole document as
     * JSON when a snapshot is due at this revision (or null). {@code current} says whether the
     * plan it belongs to is still the one in memory (a failed write discards what followed it).
     */
    public record Pending(UUID planId, PlanChange change, String authorKind, UUID authorId, String operations, Instant at,
            String previousHash, String hash, List<PlanNode> touched, Set<String> created, String snapshot,
            BooleanSupplier current, Runnable onDurable, Consumer<RuntimeException> onFailure) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    @Resource(lookup = "java:jboss/datasources/RoundtableDS")
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("roundtable-plan-writer");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }

    public void enqueue(Pending pending) {
        queue.add(pending);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            var writable = new ArrayList<Pending>(batch.size());
            for (Pending p : batch) {
                if (p.current().getAsBoolean()) {
                    writable.add(p);
                } else {
                    p.onFailure().accept(new IllegalStateException("An earlier change to this plan could not be stored."));
                }
            }
            try {
                write(writable);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "storing " + writable.size() + " plan changes failed", e);
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException("The plan could not be stored.", e);
                writable.forEach(p -> p.onFailure().accept(failure));
                batch.clear();
                continue;
            }
            // Announced on this thread, in the order stored: per plan, revision order. (A second
            // thread for this was measured: it cost more CPU than it saved latency.)
            for (Pending p : writable) {
                try {
                    p.onDurable().run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "announcing a stored plan change failed", e);
                }
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                moveRevisions(c, batch);
                insertLog(c, batch);
                project(c, batch);
                snapshots(c, batch);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Each plan's revision moves from just before its first change here to its last, or nobody else's write is overwritten. */
    private static void moveRevisions(Connection c, List<Pending> batch) throws SQLException {
        Map<UUID, long[]> revisions = new LinkedHashMap<>();
        for (Pending p : batch) {
            long revision = p.change().revision();
            revisions.computeIfAbsent(p.planId(), id -> new long[] {revision, revision})[1] = revision;
        }
        try (PreparedStatement st = c.prepareStatement(
                "update action_plan set revision = ?, version = version + 1 where id = ? and revision = ?")) {
            for (var e : revisions.entrySet()) {
                st.setLong(1, e.getValue()[1]);
                st.setObject(2, e.getKey());
                st.setLong(3, e.getValue()[0] - 1);
                st.addBatch();
            }
            for (int count : st.executeBatch()) {
                if (count != 1) {
                    throw new PlanStore.ConcurrentWrite();
                }
            }
        }
    }

    private static void insertLog(Connection c, List<Pending> batch) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into plan_change (plan_id, revision, change_id, client_id, author_kind, author_id, operations, applied_at,
                    previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Pending p : batch) {
                st.setObject(1, p.planId());
                st.setLong(2, p.change().revision());
                st.setString(3, p.change().changeId());
                st.setString(4, p.change().clientId());
                st.setString(5, p.authorKind());
                st.setObject(6, p.authorId());
                st.setString(7, p.operations());
                st.setTimestamp(8, Timestamp.from(p.at()));
                st.setString(9, p.previousHash());
                st.setString(10, p.hash());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** The goal and action rows, each written once per batch with its latest state; new ones inserted, goals before actions. */
    private static void project(Connection c, List<Pending> batch) throws SQLException {
        Map<String, PlanNode> latest = new LinkedHashMap<>();
        Map<String, UUID> planOf = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        for (Pending p : batch) {
            for (PlanNode node : p.touched()) {
                latest.put(node.id(), node);
                planOf.put(node.id(), p.planId());
            }
            created.addAll(p.created());
        }
        List<PlanNode> newGoals = new ArrayList<>();
        List<PlanNode> newActions = new ArrayList<>();
        List<PlanNode> goals = new ArrayList<>();
        List<PlanNode> actions = new ArrayList<>();
        for (PlanNode node : latest.values()) {
            boolean goal = node.kind() == PlanNode.Kind.GOAL;
            (created.contains(node.id()) ? (goal ? newGoals : newActions) : (goal ? goals : actions)).add(node);
        }
        if (!newGoals.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(
                    "insert into plan_goal (id, plan_id, position_key, title, description, deleted, version) values (?, ?, ?, ?, ?, ?, 0)")) {
                for (PlanNode g : newGoals) {
                    st.setObject(1, UUID.fromString(g.id()));
                    st.setObject(2, planOf.get(g.id()));
                    goalValues(st, g, 3);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        if (!goals.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(
                    "update plan_goal set position_key = ?, title = ?, description = ?, deleted = ?, version = version + 1 where id = ?")) {
                for (PlanNode g : goals) {
                    goalValues(st, g, 1);
                    st.setObject(5, UUID.fromString(g.id()));
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        if (!newActions.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into plan_action (goal_id, position_key, description, owner_kind, owner_agency_id, owner_family_member_id,
                        due_on, status, deleted, id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
                for (PlanNode a : newActions) {
                    actionValues(st, a);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        if (!actions.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("""
                    update plan_action set goal_id = ?, position_key = ?, description = ?, owner_kind = ?, owner_agency_id = ?,
                        owner_family_member_id = ?, due_on = ?, status = ?, deleted = ?, version = version + 1 where id = ?""")) {
                for (PlanNode a : actions) {
                    actionValues(st, a);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    private static void goalValues(PreparedStatement st, PlanNode g, int from) throws SQLException {
        st.setString(from, g.get(PlanField.POSITION));
        st.setString(from + 1, g.get(PlanField.TITLE));
        st.setString(from + 2, g.get(PlanField.DESCRIPTION));
        st.setBoolean(from + 3, g.isDeleted());
    }

    private static void actionValues(PreparedStatement st, PlanNode a) throws SQLException {
        ActionOwnerRef owner = ActionOwnerRef.ofNullable(a.get(PlanField.OWNER));
        String due = a.get(PlanField.DUE_ON);
        st.setObject(1, UUID.fromString(a.get(PlanField.GOAL)));
        st.setString(2, a.get(PlanField.POSITION));
        st.setString(3, a.get(PlanField.DESCRIPTION) == null ? "" : a.get(PlanField.DESCRIPTION));
        st.setString(4, owner == null ? null : owner.kind().name());
        uuid(st, 5, owner != null && owner.kind() == OwnerKind.AGENCY ? owner.id() : null);
        uuid(st, 6, owner != null && owner.kind() == OwnerKind.FAMILY_MEMBER ? owner.id() : null);
        st.setDate(7, due == null ? null : Date.valueOf(LocalDate.parse(due)));
        st.setString(8, a.get(PlanField.STATUS));
        st.setBoolean(9, a.isDeleted());
        st.setObject(10, UUID.fromString(a.id()));
    }

    private static void uuid(PreparedStatement st, int index, UUID value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.OTHER);
        } else {
            st.setObject(index, value);
        }
    }

    private static void snapshots(Connection c, List<Pending> batch) throws SQLException {
        Map<UUID, Pending> last = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (p.snapshot() != null) {
                last.put(p.planId(), p);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("update action_plan set document = ?, document_revision = ? where id = ?")) {
            for (Pending p : last.values()) {
                st.setString(1, p.snapshot());
                st.setLong(2, p.change().revision());
                st.setObject(3, p.planId());
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
