package org.roundtable.conference.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;

/**
 * Group commit for plan changes: the one way a change to a plan reaches the database. Changes of
 * every plan wait in one queue; a single writer takes all that are waiting, stores them
 * atomically on its own connection (log rows, revisions, the projection of the goals and actions
 * they touched, snapshots, and the signatures a change voids with their audit entries), and only
 * then runs each change's "durable" step, in the order they were queued (which, per plan, is
 * revision order). Under load
 * many changes share one commit; alone, a change is written as soon as it arrives. A failed batch
 * is stored again plan by plan (see {@link GroupCommit}), so one plan cannot fail another. Nothing is
 * announced before its commit, so durability is unchanged. (Two writers, each with its share of
 * the plans, were measured: smaller batches cost more CPU per edit and latency rose.)
 */
@ApplicationScoped
public class PlanWriter {

    private static final int MAX_BATCH = 1000;

    /**
     * One change to store. {@code touched} holds the final state of each goal or action the
     * change touched; {@code created} the ids it created; {@code snapshot} the whole document as
     * JSON when a snapshot is due at this revision (or null); {@code voids} the signatures it
     * voids (or null). {@code current} says whether the plan it belongs to is still the one in
     * memory (a failed write discards what followed it). {@code onDurable} runs once it is
     * committed, given the change as stored and the signatures it voided.
     */
    public record Pending(UUID planId, PlanChange change, String authorKind, UUID authorId, String operations, Instant at,
            String previousHash, String hash, List<PlanNode> touched, Set<String> created, String snapshot, Voids voids,
            BooleanSupplier current, BiConsumer<Pending, List<VoidedSignature>> onDurable, Consumer<RuntimeException> onFailure) {

        /**
         * A change as the plan's authority applied it ({@code result} is the plan after it), with
         * its link in the plan's hash chain: worked out here, and nowhere else, from the link before.
         */
        public static Pending of(UUID planId, Caller author, PlanChange change, PlanDocument result, Instant at, String previousHash,
                boolean snapshot, Voids voids, BooleanSupplier current, BiConsumer<Pending, List<VoidedSignature>> onDurable,
                Consumer<RuntimeException> onFailure) {
            Instant appliedAt = at.truncatedTo(ChronoUnit.MILLIS);
            String operations = PlanJson.operationsText(change.operations());
            String hash = AuditLog.planChangeHash(previousHash, planId, change.revision(), change.changeId(), change.clientId(),
                    author.kind().name(), author.id(), operations, appliedAt);
            var touched = new LinkedHashSet<String>();
            var created = new HashSet<String>();
            for (PlanOperation op : change.operations()) {
                touched.add(op.nodeId());
                if (op instanceof PlanOperation.CreateGoal || op instanceof PlanOperation.CreateAction) {
                    created.add(op.nodeId());
                }
            }
            List<PlanNode> nodes = touched.stream().map(id -> result.node(id).orElseThrow()).toList();
            return new Pending(planId, change, author.kind().name(), author.id(), operations, appliedAt, previousHash, hash, nodes,
                    created, snapshot ? PlanJson.toJson(result).toString() : null, voids, current, onDurable, onFailure);
        }
    }

    /**
     * The signed actions a change alters: their signatures in force are voided in the same write,
     * each with a SIGNATURE_VOIDED entry in the audit log by {@code authorName}.
     */
    public record Voids(UUID familyId, String authorName, List<UUID> actionIds) {
    }

    @Resource(lookup = "java:jboss/datasources/RoundtableDS")
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;
    /** The writer's connection and statements; only the writer's thread uses it. */
    private ReconnectingPlanBatchStore store;

    @PostConstruct
    void start() {
        store = new ReconnectingPlanBatchStore(dataSource::getConnection);
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("roundtable-plan-writer");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    public void enqueue(Pending pending) {
        queue.add(pending);
    }

    private void run() {
        var commit = new GroupCommit(store);
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            // Announced on this thread, in the order stored. (A thread of its own for announcing
            // was measured: it cost more CPU than it saved latency.)
            commit.commit(batch);
            batch.clear();
        }
    }
}
