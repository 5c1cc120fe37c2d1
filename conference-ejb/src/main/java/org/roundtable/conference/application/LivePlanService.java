package org.roundtable.conference.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.persistence.PlanStore;
import org.roundtable.shared.plan.CommitmentHash;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanNode;

/**
 * The one pipeline through which every change to a plan passes, from the live room and from the
 * REST API alike. Per plan, changes are taken one at a time: checked and rewritten by the
 * plan's authority, checked against what the caller may do, stored (committed) and only then
 * applied in memory and announced. Nothing is acknowledged that is not on disk.
 */
@ApplicationScoped
public class LivePlanService {

    /** How many recent changes are kept in memory to rewrite late ones; older bases must reload. */
    static final int HISTORY = Integer.getInteger("roundtable.plan.history", 1000);
    /** A snapshot of the whole document every so many changes keeps loading quick. */
    static final int SNAPSHOT_EVERY = 50;

    /** One plan held in memory: its authority and the lock that orders its changes. */
    public static final class LivePlan {
        private final UUID planId;
        private final UUID familyId;
        private final PlanAuthority authority;
        private final ReentrantLock lock = new ReentrantLock(true);
        /** The last link of the plan's hash chain (the audit log of its changes). */
        private String lastHash;
        /** Actions with a signature in force: a change to what was signed voids it. */
        private final Set<String> signedActions;

        LivePlan(UUID planId, UUID familyId, PlanAuthority authority, String lastHash, Set<String> signedActions) {
            this.planId = planId;
            this.familyId = familyId;
            this.authority = authority;
            this.lastHash = lastHash;
            this.signedActions = new HashSet<>(signedActions);
        }

        public UUID planId() {
            return planId;
        }

        /** Called (under the plan's lock) once a signature is stored. */
        public void signed(String actionId) {
            signedActions.add(actionId);
        }

        public long revision() {
            return authority.revision();
        }

        public PlanDocument document() {
            return authority.document();
        }

        /** Whether the plan has (or had: removed items stay) a goal or action with this id. */
        public boolean has(String nodeId) {
            return authority.has(nodeId);
        }

        /** The changes after a revision; throws STALE_BASE when they are no longer all kept. */
        public List<PlanChange> since(long revision) {
            return authority.since(revision);
        }

        public UUID familyId() {
            return familyId;
        }
    }

    private final ConcurrentMap<UUID, LivePlan> plans = new ConcurrentHashMap<>();

    @Inject
    private PlanStore store;

    @Inject
    private AccessPolicy policy;

    @Inject
    private PlanEditPolicy editPolicy;

    @Inject
    private Event<PlanChangeApplied> applied;

    @Inject
    private Event<SignOffChanged> signOffChanged;

    @Inject
    private Event<SignaturesVoided> signaturesVoided;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private Clock clock;

    /** Submits a change on behalf of a caller; returns what the plan's authority made of it. */
    public PlanAuthority.Outcome submit(Caller caller, UUID familyId, PlanChange change) {
        policy.requirePlanContributor(caller, familyId);
        policy.requireShared(caller, familyId, InformationKind.PLAN);
        return withPlan(familyId, plan -> {
            Long seen = plan.authority.appliedRevision(change.changeId());
            if (seen != null) {
                return new PlanAuthority.Duplicate(seen);
            }
            PlanAuthority.Prepared prepared = plan.authority.prepare(change);
            editPolicy.check(caller, familyId, plan.authority::document, prepared.change().operations());
            List<String> voiding = signaturesVoidedBy(plan, prepared);
            PlanStore.Appended appended;
            try {
                appended = store.append(new PlanStore.Append(plan.planId, familyId, prepared.change(), caller, prepared.result(),
                        prepared.change().revision() % SNAPSHOT_EVERY == 0, clock.instant(), plan.lastHash, voiding));
            } catch (RuntimeException e) {
                // The store failed (database down, constraint): what is in memory may no longer
                // match the database, so the plan is read again on next use.
                plans.remove(familyId);
                throw e;
            }
            plan.authority.commit(prepared);
            plan.lastHash = appended.hash();
            plan.signedActions.removeAll(voiding);
            applied.fire(new PlanChangeApplied(familyId, prepared.change(), caller.displayName()));
            if (!appended.voided().isEmpty()) {
                signOffChanged.fire(new SignOffChanged(familyId));
                // On a managed thread: mail needs the application's class loader and naming context.
                signaturesVoided.fireAsync(new SignaturesVoided(familyId, appended.voided(), caller.displayName()),
                        NotificationOptions.ofExecutor(executor));
            }
            return new PlanAuthority.Applied(prepared.change());
        });
    }

    /** The signed actions whose words, owner or date this change alters (or which it removes). */
    private static List<String> signaturesVoidedBy(LivePlan plan, PlanAuthority.Prepared prepared) {
        if (plan.signedActions.isEmpty()) {
            return List.of();
        }
        var voided = new ArrayList<String>();
        for (var op : prepared.change().operations()) {
            String id = op.nodeId();
            if (plan.signedActions.contains(id) && !voided.contains(id)) {
                PlanNode before = plan.document().node(id).orElseThrow();
                PlanNode after = prepared.result().node(id).orElseThrow();
                if (after.isDeleted() || !CommitmentHash.of(before).equals(CommitmentHash.of(after))) {
                    voided.add(id);
                }
            }
        }
        return voided;
    }

    /** The plan and its revision, read together. */
    public record Snapshot(PlanDocument document, long revision) {
    }

    /** The plan as it is now, for someone allowed to see it. */
    public Snapshot snapshot(Caller caller, UUID familyId) {
        policy.requireVisibleAndShared(caller, familyId, InformationKind.PLAN);
        return withPlan(familyId, plan -> new Snapshot(plan.document(), plan.revision()));
    }

    /**
     * Runs work while holding the plan, so that nothing changes it meanwhile: the live room uses
     * this to join a participant and send them the plan without missing or repeating a change.
     */
    public <T> T withPlan(UUID familyId, Function<LivePlan, T> work) {
        LivePlan plan = plans.computeIfAbsent(familyId, this::load);
        plan.lock.lock();
        try {
            if (plans.get(familyId) != plan) {
                // Evicted while we waited; take the fresh one.
                return withPlan(familyId, work);
            }
            return work.apply(plan);
        } finally {
            plan.lock.unlock();
        }
    }

    private LivePlan load(UUID familyId) {
        PlanStore.Loaded loaded = store.load(familyId, HISTORY);
        var authority = new PlanAuthority(loaded.snapshot(), loaded.snapshotRevision(), HISTORY);
        loaded.after().forEach(authority::restore);
        loaded.before().forEach(authority::rememberOlder);
        return new LivePlan(loaded.planId(), familyId, authority, loaded.lastHash(), loaded.signedActions());
    }

    /** For tests and operators: forget the in-memory copy, so the next use reads the database. */
    public void evict(UUID familyId) {
        plans.remove(familyId);
    }
}
