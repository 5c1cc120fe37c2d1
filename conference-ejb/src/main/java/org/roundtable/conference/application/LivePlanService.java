package org.roundtable.conference.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.PlanAccess;
import org.roundtable.conference.application.access.PlanEditPolicy;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.room.RoomStates;
import org.roundtable.conference.infrastructure.cache.ClusterMembersChanged;
import org.roundtable.conference.infrastructure.persistence.PlanStore;
import org.roundtable.conference.infrastructure.persistence.PlanWriter;
import org.roundtable.conference.infrastructure.persistence.VoidedSignature;
import org.roundtable.shared.plan.CommitmentHash;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanRejection;

/**
 * The one pipeline through which every change to a plan passes, from the live room and from the
 * REST API alike. Per plan, changes are taken one at a time: checked and rewritten by the
 * plan's authority and checked against what the caller may do, then queued for the
 * {@link PlanWriter}, which commits many changes (of many plans) together and only then announces
 * each one, in revision order. Nothing is acknowledged or shown that is not on disk: readers of
 * the plan ({@link #withPlan}) wait until everything queued for it is stored.
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
        /** Completes when the last change queued for this plan is stored and announced. */
        private CompletableFuture<Void> lastDurable = CompletableFuture.completedFuture(null);
        /** Set when a write failed: what is in memory is ahead of the database and is thrown away. */
        private volatile boolean broken;
        /** Every change id used in this plan, also those the authority no longer remembers. */
        private final UsedChangeIds usedIds = new UsedChangeIds();
        /** Where a change id the authority no longer remembers is looked up: the revision it was stored at, or null. */
        private final Function<String, Long> storedRevision;
        /** Whether this node owned the plan when it read it (else the copy follows the owner's changes). */
        private volatile boolean ownedHere = true;
        /** Told of each signature given here (the other nodes' copies must know). */
        private Consumer<String> signedHere = id -> { };
        /** Changes from the owner node that arrived ahead of one before them, by revision (a copy on another node). */
        private final java.util.TreeMap<Long, PlanMessages.Stored> early = new java.util.TreeMap<>();

        LivePlan(UUID planId, UUID familyId, PlanAuthority authority, String lastHash, Set<String> signedActions,
                Function<String, Long> storedRevision) {
            this.storedRevision = storedRevision;
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
            signedHere.accept(actionId);
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

        /** The revision at which a change id was applied, or null (never applied), however long ago. */
        public Long appliedRevision(String changeId) {
            Long recent = authority.appliedRevision(changeId);
            return recent != null || !usedIds.mayContain(changeId) ? recent : storedRevision.apply(changeId);
        }

        /** The changes after a revision; throws STALE_BASE when they are no longer all kept. */
        public List<PlanChange> since(long revision) {
            return authority.since(revision);
        }

        public UUID familyId() {
            return familyId;
        }
    }

    /** A plan nobody used for this long is let go (read again on its next use). */
    static final long IDLE_SECONDS = Long.getLong("roundtable.plan.idle-seconds", 600);

    private final LoadedPlans<LivePlan> plans = new LoadedPlans<>(TimeUnit.SECONDS.toNanos(IDLE_SECONDS), System::nanoTime);
    private ScheduledFuture<?> releasing;

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
    private Event<PlanWriteFailed> writeFailed;

    @Inject
    private PlanWriter writer;

    @Inject
    private Event<SignaturesVoided> signaturesVoided;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Clock clock;

    @Inject
    private PlansAcrossNodes nodes;

    @Inject
    private Event<PlanMovedOn> movedOn;

    @Inject
    private RoomStates roomStates;

    private static final Logger LOG = Logger.getLogger(LivePlanService.class.getName());

    /** How often a node checks the copies it follows against the database (see {@link #checkFollowedCopies}). */
    static final long FOLLOW_CHECK_MILLIS = Long.getLong("roundtable.plan.follow-check-millis", 2000);
    /** What the database held of each followed plan at the last check, and how far the copy here was, by family. */
    private volatile Map<UUID, Checked> lastCheck = Map.of();

    /** One followed plan at a check: how far it was stored, and how far the copy here had come. */
    private record Checked(long stored, long copy) {
    }
    private ScheduledFuture<?> checking;
    private final AtomicBoolean checkRunning = new AtomicBoolean();
    /** How many checks asked the database since the node started: for operators, and to tell a check that never ran. */
    private final AtomicLong followChecks = new AtomicLong();

    /** Change ids a reconnecting client was told were not applied, on the plans this node owns (see settleInFlight). */
    private final InFlightFences fences = new InFlightFences(System::nanoTime);

    /** How long a copy waits for a change from the owner that went missing before reading the plan again. */
    static final long GAP_WAIT_MILLIS = Long.getLong("roundtable.plan.gap-wait-millis", 500);

    /** What a submission became, and when it is stored (only then may it be acknowledged). */
    public record Submitted(PlanAuthority.Outcome outcome, CompletableFuture<Void> durable) {
    }

    /** Submits a change for someone whose access to the plan was decided for this request, and returns once it is stored. */
    public PlanAuthority.Outcome submit(PlanAccess access, PlanChange change) {
        if (!nodes.ownsHere(access.familyId())) {
            return submitToTheOwner(access, change);
        }
        Taken taken;
        try {
            taken = submitChecked(access, change);
        } catch (PlanNotStored moved) {
            if (!PlansAcrossNodes.MOVED.equals(moved.getMessage())) {
                throw moved;
            }
            // It moved between the two questions (this node is stopping, say): nothing was applied here.
            return submitToTheOwner(access, change);
        }
        // A wait that runs out takes the plan back, so the error means nothing was applied.
        new StoredChange(taken.submitted().durable(), StoredChange.WAIT, executor).await(() -> discard(access.familyId(), taken.plan()));
        return taken.submitted().outcome();
    }

    /**
     * Submits a change from a live connection, whose access was checked when it joined and is
     * checked again whenever access may have changed (see LiveRooms): it returns at once, and the
     * change is announced to the room, the sender included, when it is stored. An agency the
     * family does not share the plan with may change only the actions it owns. {@code conferenceId}
     * is the room it was made in: the caller's node checked that they are not kept out of a
     * private part there, and the plan's owner, if another node, checks it again on its arrival.
     */
    public CompletableFuture<PlanAuthority.Outcome> submitLive(Caller caller, UUID familyId, UUID conferenceId, PlanChange change) {
        if (!nodes.ownsHere(familyId)) {
            var answer = nodes.toTheOwner(true, caller, familyId, conferenceId, change);
            answer.thenAccept(outcome -> catchUpWith(familyId, revisionOf(outcome)));
            return answer;
        }
        // Not sent on if it moved meanwhile ("moved", nothing applied): the client reconnects, and settles its changes
        // in flight with the new owner, which fences them; a change sent on from here would pass that fence.
        return answerOf(submitChecked(policy.inTheRoom(caller, familyId), change).submitted());
    }

    private static long revisionOf(PlanAuthority.Outcome outcome) {
        return outcome instanceof PlanAuthority.Applied a ? a.change().revision() : ((PlanAuthority.Duplicate) outcome).revision();
    }

    /**
     * The owner answered a change sent from here: it stored it at {@code revision}. Its
     * {@code plan-stored} is on its way; if this node's copy is still below that after
     * {@link #GAP_WAIT_MILLIS} (the signal was lost, not late), the copy is read again and the
     * rooms here catch up, so that the sender's {@code applied} is not held until the plan's
     * next change.
     */
    private void catchUpWith(UUID familyId, long revision) {
        // Read again on the managed executor: the scheduler's few threads also time every wait.
        scheduler.schedule(() -> executor.execute(() -> {
            LivePlan copy = plans.peek(familyId);
            if (copy != null && !copy.ownedHere && copy.revision() < revision) {
                readAgainIfBehind(familyId, copy, revision);
            }
        }), GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * On the owner node, a change sent from another node (PlansAcrossNodes): access is decided
     * here, against current data, as the live room ({@code live}) or the REST API would decide it.
     * A change not begun by {@code startBy} (System.nanoTime), or found under the plan's lock to
     * belong to another node now, is not applied at all. A REST change begun is taken back if its
     * writer has not stored it within {@link StoredChange#WAIT}, so its sender, which waits longer
     * than both, always hears the owner's own answer first. A live change is not taken back (a
     * writer slow under load would otherwise throw plans away and send rooms reconnecting): its
     * deadline to begin is half its sender's wait instead.
     */
    CompletableFuture<PlanAuthority.Outcome> submitHere(boolean live, Caller caller, UUID familyId, UUID conferenceId, PlanChange change,
            long startBy) {
        PlanAccess access = live ? policy.inTheRoom(caller, familyId) : policy.toChangeThePlan(caller, familyId);
        if (live && conferenceId != null && roomStates.room(conferenceId).privatePartId() != null) {
            // A private part runs in the room (the replicated room state says so, recorded after its
            // record): the sending node may not have heard yet that it keeps this caller out.
            policy.requireNotKeptOutOfPlan(caller, familyId);
        }
        Taken taken = submitChecked(access, change, startBy);
        if (live) {
            return answerOf(taken.submitted());
        }
        // Not waited for on this thread, which drains the plan's queue of work from other nodes: the same take-back, on the scheduler.
        return new StoredChange(taken.submitted().durable(), StoredChange.WAIT, executor)
                .whenStored(() -> discard(access.familyId(), taken.plan()), scheduler)
                .thenApply(stored -> taken.submitted().outcome());
    }

    /** The outcome, once the change is stored. */
    private static CompletableFuture<PlanAuthority.Outcome> answerOf(Submitted submitted) {
        return submitted.durable().thenApply(stored -> submitted.outcome());
    }

    /**
     * A REST change on a node that does not own the plan: the owner stores it, and this node's
     * copy is brought up to it before answering, so that what the caller reads next includes it.
     */
    private PlanAuthority.Outcome submitToTheOwner(PlanAccess access, PlanChange change) {
        CompletableFuture<PlanAuthority.Outcome> answer = nodes.toTheOwner(false, access.caller(), access.familyId(), null, change);
        PlanAuthority.Outcome outcome = PlansAcrossNodes.awaitAnswer(answer, PlansAcrossNodes.Asked.REST_CHANGE);
        awaitCopy(access.familyId(), revisionOf(outcome));
        return outcome;
    }

    /** Waits (briefly) for this node's copy to reach a revision the owner stored; else lets it go, to be read again. */
    private void awaitCopy(UUID familyId, long revision) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            LivePlan copy = plans.peek(familyId);
            if (copy == null || copy.revision() >= revision) {
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LivePlan copy = plans.peek(familyId);
        if (copy != null) {
            readAgainIfBehind(familyId, copy, revision);
        }
    }

    /**
     * Lets a copy go, to be read again from the database, if it is still the one held and still
     * below {@code revision}; under its lock, so that a change it is taking meanwhile is not lost
     * half-way. The rooms here catch up (PlanMovedOn).
     */
    private boolean readAgainIfBehind(UUID familyId, LivePlan copy, long revision) {
        copy.lock.lock();
        try {
            if (!plans.isCurrent(familyId, copy) || copy.revision() >= revision) {
                return false;
            }
            plans.forget(familyId, copy);
        } finally {
            copy.lock.unlock();
        }
        movedOn.fire(new PlanMovedOn(familyId));
        return true;
    }

    /**
     * On a node that does not own the plan: a change the owner stored. The copy here takes the
     * changes in revision order, each passed on to the rooms here as the owner's rooms were; one
     * that arrives early waits for those before it, for {@link #GAP_WAIT_MILLIS} at most, then the
     * copy is let go and read again from the database (which has them all). A copy not held here
     * is not read just for this: the rooms here, if any, catch up (PlanMovedOn).
     */
    void follow(PlanMessages.Stored stored) {
        UUID familyId = stored.familyId();
        LivePlan plan = plans.peek(familyId);
        if (plan == null) {
            movedOn.fire(new PlanMovedOn(familyId));
            return;
        }
        boolean gap = false;
        plan.lock.lock();
        try {
            if (!plans.isCurrent(familyId, plan)) {
                gap = true;
            } else {
                long revision = stored.change().revision();
                if (revision == plan.revision() + 1) {
                    takeStored(plan, stored);
                    for (var next = plan.early.pollFirstEntry(); next != null; next = plan.early.pollFirstEntry()) {
                        if (next.getKey() == plan.revision() + 1) {
                            takeStored(plan, next.getValue());
                        } else if (next.getKey() > plan.revision() + 1) {
                            plan.early.put(next.getKey(), next.getValue());
                            break;
                        }
                    }
                } else if (revision > plan.revision() + 1) {
                    plan.early.put(revision, stored);
                    long behind = plan.revision();
                    scheduler.schedule(() -> readAgainIfStillBehind(familyId, plan, behind), GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                }
                plans.touch(familyId);
            }
        } finally {
            plan.lock.unlock();
        }
        if (gap) {
            follow(stored);
        }
    }

    private void takeStored(LivePlan plan, PlanMessages.Stored stored) {
        plan.authority.restore(stored.change());
        plan.usedIds.add(stored.change().changeId());
        plan.lastHash = stored.hash();
        plan.signedActions.removeAll(stored.voided());
        // A copy: the document here changes in place with the next change.
        applied.fire(new PlanChangeApplied(plan.familyId, stored.change(), stored.authorName(), stored.operations(),
                plan.authority.document().copy()));
        // The signatures it voided reach this node's rooms as the owner's SignOffChanged, which the live room tells every node.
    }

    private void readAgainIfStillBehind(UUID familyId, LivePlan plan, long behind) {
        plan.lock.lock();
        try {
            if (!plans.isCurrent(familyId, plan) || plan.revision() > behind || plan.early.isEmpty()) {
                return;
            }
            plans.forget(familyId, plan);
        } finally {
            plan.lock.unlock();
        }
        movedOn.fire(new PlanMovedOn(familyId));
    }

    /**
     * Nodes joined or left, and plans changed owner. A copy that followed another node's plan
     * and is now this node's to write is read again from the database first: the node that
     * wrote it may have died between storing its last changes and telling the others. The
     * rooms here catch up with what they missed (PlanMovedOn).
     */
    void ownersChanged(@Observes ClusterMembersChanged change) {
        var caughtUp = new ArrayList<UUID>();
        plans.forEach((familyId, plan) -> {
            boolean owns = nodes.ownsHere(familyId);
            if (owns && !plan.ownedHere) {
                plan.lock.lock();
                try {
                    plans.forget(familyId, plan);
                } finally {
                    plan.lock.unlock();
                }
                caughtUp.add(familyId);
            } else if (!owns) {
                plan.ownedHere = false;
            }
        });
        caughtUp.forEach(familyId -> movedOn.fire(new PlanMovedOn(familyId)));
    }

    /**
     * This node is stopping and has stopped owning plans (PlanOwnership#leave): waits, at most
     * {@code millis} in all, until every change it took for the plans it owned is stored, so that
     * the nodes that own them next read them whole from the database. Each plan's lock is taken
     * once, if it comes in time, after which no change is taken here (submitChecked asks who owns
     * the plan under it). What is still queued when the time is up is never written (the plan is
     * thrown away, so the writer skips it, and its rooms are told to reconnect): written later,
     * it could land after the next owner told a reconnecting client it was not applied. (A batch
     * the writer has begun to commit cannot be called back.) Returns how many plans it owned, and
     * whether all was stored in time.
     */
    public HandedOver storeBeforeHandingOver(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        var owned = new ArrayList<LivePlan>();
        var locked = new boolean[] {true};
        plans.forEach((familyId, plan) -> {
            boolean had = false;
            try {
                had = plan.lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                if (plan.ownedHere) {
                    plan.ownedHere = false;
                    owned.add(plan);
                    // Not had: held by a change voiding signatures until it is stored, say; not waited for past the deadline.
                    locked[0] &= had;
                }
            } finally {
                if (had) {
                    plan.lock.unlock();
                }
            }
        });
        boolean allStored = locked[0];
        try {
            CompletableFuture.allOf(owned.stream().map(p -> p.lastDurable.exceptionally(failed -> null)).toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            allStored = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            allStored = false;
        }
        if (!allStored) {
            for (LivePlan plan : owned) {
                if (!plan.lastDurable.isDone()) {
                    discard(plan.familyId, plan);
                }
            }
        }
        return new HandedOver(owned.size(), allStored);
    }

    /** What {@link #storeBeforeHandingOver} found: how many plans this node owned, and whether all they took was stored. */
    public record HandedOver(int plans, boolean allStored) {
    }

    /** A signature given on another node: this copy knows it too, so an edit after it voids it. */
    void signedElsewhere(UUID familyId, String actionId) {
        LivePlan plan = plans.peek(familyId);
        if (plan == null) {
            return;
        }
        plan.lock.lock();
        try {
            plan.signedActions.add(actionId);
        } finally {
            plan.lock.unlock();
        }
    }

    /** A submission and the plan it was queued on. */
    private record Taken(Submitted submitted, LivePlan plan) {
    }

    private Taken submitChecked(PlanAccess access, PlanChange change) {
        return submitChecked(access, change, null);
    }

    /**
     * {@code startBy}, given for a change sent from another node: the System.nanoTime past which
     * the change is not begun (nothing applied). A change is applied only if this node still owns
     * the plan, asked under its lock: it may have moved while the change waited, or this node may
     * be stopping (PlanHandover).
     */
    private Taken submitChecked(PlanAccess access, PlanChange change, Long startBy) {
        Caller caller = access.caller();
        UUID familyId = access.familyId();
        return withPlanHead(familyId, plan -> {
            if (startBy != null && System.nanoTime() - startBy > 0) {
                throw new PlanNotStored("The server that keeps this plan was too busy to take your change. Nothing was applied; please try again.");
            }
            if (!nodes.ownsHere(familyId)) {
                // Asked under the lock, so that once a stopping node has said it owns nothing it applies nothing (handOver).
                throw new PlanNotStored(PlansAcrossNodes.MOVED);
            }
            Long seen = plan.authority.appliedRevision(change.changeId());
            if (seen != null) {
                return new Taken(new Submitted(new PlanAuthority.Duplicate(seen), plan.lastDurable), plan);
            }
            if (fences.keepsOut(familyId, caller.id(), change.changeId(), change.clientId())) {
                // Its client reconnected and was told it was not applied (settleInFlight): it may have made it again since.
                throw new PlanNotStored(SETTLED_ELSEWHERE);
            }
            if (plan.usedIds.mayContain(change.changeId()) && plan.storedRevision.apply(change.changeId()) != null) {
                // Refused here, before anything moves: the database would refuse it at commit.
                throw new PlanRejection(PlanRejection.Reason.DUPLICATE_CHANGE, "This plan already has a change with the id "
                        + change.changeId() + ", made long ago. Give every change a new id.");
            }
            // Checked before anything else about the change, so its answer says nothing of what the agency cannot see.
            editPolicy.requireOnlyOwnActions(access, plan.authority.document(), change.operations());
            PlanAuthority.Prepared prepared = plan.authority.prepare(change);
            editPolicy.check(access, plan.authority::document, prepared.change().operations(),
                    message -> new InvalidInput("ownerId", message));
            List<String> voiding = signaturesVoidedBy(plan, prepared);
            fences.applied(familyId, caller.id(), change.changeId());
            if (!voiding.isEmpty()) {
                return new Taken(queueVoidingSignatures(caller, familyId, plan, prepared, voiding), plan);
            }
            return new Taken(queue(caller, familyId, plan, prepared, null, voided -> { }), plan);
        });
    }

    /** Why a change sent on a connection its client has left is not applied. */
    public static final String SETTLED_ELSEWHERE = "This change was asked about on a newer connection, which sends it again if it is"
            + " still wanted. Nothing was applied from this one.";

    /**
     * Settles a reconnecting client's changes in flight before its welcome, so that protocol rule
     * 4 holds: a change the welcome does not name as applied was not applied, and never will be
     * from an earlier connection (the client may make it again with a new id). Without this, a
     * change still on its way to the plan's owner node, or stored there after its sender gave up,
     * could be applied after the welcome said it was not, and then again as the client's new change.
     * On the owner, under the plan's lock: each of them not applied is fenced ({@link InFlightFences}),
     * so that from then on only {@code clientId} (the new connection, whose resend keeps the id)
     * may apply it, for this person ({@code caller}); then, not holding the lock, this waits until
     * everything queued for the plan is stored, so that a welcome on any node can name those
     * applied. On another node, the owner is asked and waited for. An owner that left the cluster,
     * or a plan that moved meanwhile, is asked again where it is now (a node just killed is the
     * commonest reason to reconnect). Within {@link PlansAcrossNodes#LIVE_ANSWER_WAIT_MILLIS} in
     * all, else {@link PlanNotStored} is thrown, and the client reconnects; but on the owner the
     * wait for the plan's lock itself is not bounded (as for any change there).
     */
    public void settleInFlight(Caller caller, UUID familyId, List<String> changeIds, String clientId) {
        if (changeIds.isEmpty()) {
            return;
        }
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PlansAcrossNodes.LIVE_ANSWER_WAIT_MILLIS);
        while (true) {
            long left = giveUpAt - System.nanoTime();
            try {
                if (left <= 0) {
                    throw new PlanNotStored(NOT_SETTLED);
                }
                if (nodes.ownsHere(familyId)) {
                    var stored = settleHere(caller, familyId, changeIds, clientId, null);
                    // What is left once the plan's lock was had: that wait is not bounded (a change voiding signatures holds it till stored).
                    awaitSettled(stored, giveUpAt - System.nanoTime());
                } else {
                    nodes.settleOnTheOwner(caller, familyId, changeIds, clientId, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
                return;
            } catch (PlanNotStored notYet) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw notYet;
                }
                try {
                    // While the cluster settles who owns the plan: asking again at once could only spin.
                    Thread.sleep(SETTLE_RETRY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    /** How long a settle that found no owner to answer it waits before it asks again. */
    static final long SETTLE_RETRY_MILLIS = 100;

    static final String NOT_SETTLED = "The server that keeps this plan could not be asked about your changes just now. Please reconnect.";

    private static void awaitSettled(CompletableFuture<Void> stored, long nanos) {
        try {
            stored.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // A write failed (the plan is read again, and the fences kept), or the writer is slow: asked again, or the client reconnects.
            throw new PlanNotStored(NOT_SETTLED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanNotStored(NOT_SETTLED);
        }
    }

    /**
     * {@link #settleInFlight} on the owner node: fences, under the plan's lock, each of the
     * changes not applied, and returns what completes once everything queued for the plan is
     * stored (not waited for here). {@code startBy} (System.nanoTime), given when another node
     * asked: past it nothing is fenced and the asker is told to try again.
     */
    CompletableFuture<Void> settleHere(Caller caller, UUID familyId, List<String> changeIds, String clientId, Long startBy) {
        return withPlanHead(familyId, plan -> {
            if (startBy != null && System.nanoTime() - startBy > 0) {
                throw new PlanNotStored(PlansAcrossNodes.TOO_BUSY);
            }
            if (!nodes.ownsHere(familyId)) {
                throw new PlanNotStored(PlansAcrossNodes.MOVED);
            }
            for (String changeId : changeIds) {
                if (plan.appliedRevision(changeId) == null) {
                    fences.fence(familyId, caller.id(), changeId, clientId);
                }
            }
            return plan.lastDurable;
        });
    }

    /**
     * Every change joins the writer's queue and the plan moves on in memory; it is announced (and
     * acknowledged) once stored. {@code voids} names the signatures it voids, stored in the same
     * write; {@code stored} is told which were voided, just before the change is announced.
     */
    private Submitted queue(Caller caller, UUID familyId, LivePlan plan, PlanAuthority.Prepared prepared, PlanWriter.Voids voids,
            Consumer<List<VoidedSignature>> stored) {
        PlanChange change = prepared.change();
        var durable = new CompletableFuture<Void>();
        String author = caller.displayName();
        PlanDocument after = prepared.result();
        var pending = PlanWriter.Pending.of(plan.planId, caller, change, after, clock.instant(), plan.lastHash,
                change.revision() % SNAPSHOT_EVERY == 0, voids, () -> !plan.broken,
                (written, voided) -> {
                    try {
                        stored.accept(voided);
                        applied.fire(new PlanChangeApplied(familyId, change, author, written.operations(), after));
                        nodes.stored(familyId, change, author, written.operations(), written.hash(),
                                voids == null ? Set.of() : voids.actionIds().stream().map(UUID::toString).collect(Collectors.toSet()));
                    } finally {
                        durable.complete(null);
                    }
                },
                failure -> {
                    discard(familyId, plan);
                    durable.completeExceptionally(failure);
                });
        writer.enqueue(pending);
        plan.authority.commit(prepared);
        plan.usedIds.add(change.changeId());
        plan.lastHash = pending.hash();
        plan.lastDurable = durable;
        return new Submitted(new PlanAuthority.Applied(change), durable);
    }

    /**
     * A change that voids signatures takes the same path, the voiding and its audit entries in
     * the same write. The plan is held until it is stored, so that who signed what is settled
     * before anything else happens to the plan. Once it is stored (after it is announced), the
     * rooms see the sign-off change and the signers are told: hung on the commit, not on the
     * submitter, so that they are told even if the submitter stopped waiting. A submitter who stops
     * waiting takes the plan back first (see {@link StoredChange}).
     */
    private Submitted queueVoidingSignatures(Caller caller, UUID familyId, LivePlan plan, PlanAuthority.Prepared prepared,
            List<String> voiding) {
        var voided = new AtomicReference<List<VoidedSignature>>(List.of());
        Submitted submitted = queue(caller, familyId, plan, prepared,
                new PlanWriter.Voids(familyId, caller.displayName(), voiding.stream().map(UUID::fromString).toList()), voided::set);
        plan.signedActions.removeAll(voiding);
        var stored = new StoredChange(submitted.durable(), StoredChange.WAIT, executor);
        // On a managed thread: mail needs the application's class loader and naming context.
        stored.thenTell(() -> {
            signOffChanged.fire(new SignOffChanged(familyId, Set.copyOf(voiding)));
            signaturesVoided.fireAsync(new SignaturesVoided(familyId, voided.get(), caller.displayName()),
                    NotificationOptions.ofExecutor(executor));
        });
        stored.await(() -> discard(familyId, plan));
        return submitted;
    }

    /** A write failed: forget the plan (it is read again from the database) and tell its rooms to reconnect. */
    private void discard(UUID familyId, LivePlan plan) {
        if (!plan.broken) {
            plan.broken = true;
            plans.forget(familyId, plan);
            writeFailed.fire(new PlanWriteFailed(familyId));
        }
    }

    private static void awaitDurable(CompletableFuture<Void> durable) {
        try {
            durable.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The plan could not be stored in time. Please try again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        return snapshot(policy.toChangeThePlan(caller, familyId));
    }

    /** The plan as it is now, for someone whose access was decided for this request. */
    public Snapshot snapshot(PlanAccess access) {
        return withPlan(access.familyId(), plan -> new Snapshot(plan.document(), plan.revision()));
    }

    /**
     * Runs work while holding the plan, once everything queued for it is stored, so that the plan
     * it sees is on disk and nothing changes it meanwhile: the live room uses this to join a
     * participant and send them the plan without missing or repeating a change.
     */
    public <T> T withPlan(UUID familyId, Function<LivePlan, T> work) {
        LivePlan plan = plans.use(familyId, this::load);
        plan.lock.lock();
        try {
            if (!plans.isCurrent(familyId, plan)) {
                // Evicted while we waited; take the fresh one.
                return withPlan(familyId, work);
            }
            try {
                awaitDurable(plan.lastDurable);
            } catch (RuntimeException e) {
                // A queued change failed, so this plan was thrown away: read it again.
                return withPlan(familyId, work);
            }
            return work.apply(plan);
        } finally {
            plan.lock.unlock();
        }
    }

    /**
     * As {@link #withPlan}, for someone who has already seen the plan at {@code revision}: a copy
     * that follows another node's plan and is behind that (its owner died before telling this
     * node of its last changes, say) is read again from the database first, and the rooms here
     * catch up (PlanMovedOn). Only if the database has more than the copy: the revision is the
     * client's word, and a claim of more than was ever stored costs one small query, not a reload.
     * Someone with a change in flight ({@code changeInFlight}: they will be told whether the plan
     * holds it) gets a copy with everything the database has, as {@link #withPlanAsStored}: the
     * owner may have stored their change, and its signal not have reached this node yet.
     */
    public <T> T withPlanSeenAt(UUID familyId, long revision, boolean changeInFlight, Function<LivePlan, T> work) {
        LivePlan held = plans.peek(familyId);
        if (held != null && !held.ownedHere && (changeInFlight || held.revision() < revision)) {
            long stored = store.storedRevision(held.planId);
            if (stored > held.revision()) {
                return withCopyReadAgainBelow(familyId, held, stored, work);
            }
        }
        return withPlan(familyId, work);
    }

    /**
     * As {@link #withPlan}, with every change the database has: on a node that follows another
     * node's plan, a copy behind the database (the owner acknowledged a change whose
     * {@code plan-stored} has not arrived here yet) is read again first, and the rooms here catch
     * up. For what must not miss an acknowledged change: a signature (given on the words as they
     * are stored) and the closed record. One small query on a following node; none on the owner.
     */
    public <T> T withPlanAsStored(UUID familyId, Function<LivePlan, T> work) {
        LivePlan held = plans.peek(familyId);
        long stored = held == null || held.ownedHere ? -1 : store.storedRevision(held.planId);
        return withCopyReadAgainBelow(familyId, held != null && held.revision() < stored ? held : null, stored, work);
    }

    /** Reads a following copy found behind {@code revision} again, if it still is, then runs work as {@link #withPlan} does. */
    private <T> T withCopyReadAgainBelow(UUID familyId, LivePlan behind, long revision, Function<LivePlan, T> work) {
        boolean readAgain = false;
        if (behind != null) {
            behind.lock.lock();
            try {
                readAgain = plans.isCurrent(familyId, behind) && behind.revision() < revision;
                if (readAgain) {
                    plans.forget(familyId, behind);
                }
            } finally {
                behind.lock.unlock();
            }
        }
        T result = withPlan(familyId, work);
        if (readAgain) {
            movedOn.fire(new PlanMovedOn(familyId));
        }
        return result;
    }

    /**
     * Runs work holding the plan as it is in memory, queued changes included: only for submitting.
     * A copy that followed another node's plan, on a node that owns the plan now but has not yet
     * heard of the new topology ({@link #ownersChanged}), is not written on: the node that wrote
     * the plan may have stored changes this copy lacks, so it is read again first, and the rooms
     * here catch up. (On one node every copy is read as its owner's, so this never happens.)
     */
    private <T> T withPlanHead(UUID familyId, Function<LivePlan, T> work) {
        LivePlan plan = plans.use(familyId, this::load);
        plan.lock.lock();
        try {
            if (!plans.isCurrent(familyId, plan)) {
                return withPlanHead(familyId, work);
            }
            if (plan.ownedHere || !nodes.ownsHere(familyId)) {
                return work.apply(plan);
            }
            // A copy this node wrote, lost and owns again may still have changes queued: read again once they are stored.
            try {
                awaitDurable(plan.lastDurable);
            } catch (RuntimeException e) {
                // They failed, so the copy was thrown away already; it is read again below all the same.
            }
            plans.forget(familyId, plan);
        } finally {
            plan.lock.unlock();
        }
        movedOn.fire(new PlanMovedOn(familyId));
        return withPlanHead(familyId, work);
    }

    private LivePlan load(UUID familyId) {
        PlanStore.Loaded loaded = store.load(familyId, HISTORY);
        var authority = new PlanAuthority(loaded.snapshot(), loaded.snapshotRevision(), HISTORY);
        loaded.after().forEach(authority::restore);
        loaded.before().forEach(authority::rememberOlder);
        UUID planId = loaded.planId();
        var plan = new LivePlan(planId, familyId, authority, loaded.lastHash(), loaded.signedActions(), id -> store.revisionOf(planId, id));
        store.changeIds(loaded.planId(), plan.usedIds::add);
        plan.signedHere = actionId -> nodes.signed(familyId, actionId);
        plan.ownedHere = nodes.ownsHere(familyId);
        return plan;
    }

    /** For tests and operators: forget the in-memory copy, so the next use reads the database. */
    public void evict(UUID familyId) {
        plans.forget(familyId);
    }

    @PostConstruct
    void startReleasing() {
        long every = Math.max(1, IDLE_SECONDS / 4);
        releasing = scheduler.scheduleWithFixedDelay(this::releaseIdlePlans, every, every, TimeUnit.SECONDS);
        // The query runs on the managed executor: the scheduler's few threads also time every wait.
        checking = scheduler.scheduleWithFixedDelay(this::startCheckingFollowedCopies, FOLLOW_CHECK_MILLIS, FOLLOW_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopReleasing() {
        if (releasing != null) {
            releasing.cancel(false);
        }
        if (checking != null) {
            checking.cancel(false);
        }
    }

    /** One check at a time; a tick that finds one still running is skipped. Never throws: that would end the schedule. */
    private void startCheckingFollowedCopies() {
        if (!checkRunning.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    checkFollowedCopies();
                } catch (RuntimeException e) {
                    // The database is away, say: the next check tries again.
                    LOG.log(Level.WARNING, "Could not check the copies of plans this node follows", e);
                } finally {
                    checkRunning.set(false);
                }
            });
        } catch (RuntimeException refused) {
            // The executor is full or shutting down: the next tick tries again.
            checkRunning.set(false);
        }
    }

    /**
     * A {@code plan-stored} signal lost (not late) for a change made on another node would leave
     * this node's copy, and its rooms, waiting until the plan's next change. Every
     * {@link #FOLLOW_CHECK_MILLIS} the node asks the database how far each plan it follows is
     * stored. A copy that is still below what the database held at the previous check, and has
     * not moved since then, has missed a change rather than waiting for a late one: it is read
     * again and the rooms here catch up (PlanMovedOn). A copy that moved is given another check
     * (its signals are late, not lost: the cluster is busy, and reading it again would add to
     * that). So a lost signal is made good within two or three checks, and a late one costs
     * nothing. The owner's own copies are never checked (on one node, none is followed, so there
     * is no query at all).
     *
     * @return how many copies were read again
     */
    int checkFollowedCopies() {
        var followed = new HashMap<UUID, LivePlan>();
        plans.forEach((familyId, plan) -> {
            if (!plan.ownedHere) {
                followed.put(familyId, plan);
            }
        });
        Map<UUID, Checked> before = lastCheck;
        if (followed.isEmpty()) {
            lastCheck = Map.of();
            return 0;
        }
        Map<UUID, Long> stored = store.storedRevisions(followed.values().stream().map(plan -> plan.planId).toList());
        followChecks.incrementAndGet();
        var now = new HashMap<UUID, Checked>();
        int readAgain = 0;
        for (var each : followed.entrySet()) {
            UUID familyId = each.getKey();
            LivePlan copy = each.getValue();
            long at = copy.revision();
            Checked was = before.get(familyId);
            if (was != null && at < was.stored() && at == was.copy() && readAgainIfBehind(familyId, copy, was.stored())) {
                readAgain++;
                LOG.info(() -> "The copy of plan " + copy.planId + " was still at revision " + at + ", below the "
                        + was.stored() + " stored a check ago (a signal from the node that keeps it went missing): read again");
                continue;
            }
            Long head = stored.get(copy.planId);
            if (head != null) {
                now.put(familyId, new Checked(head, at));
            }
        }
        lastCheck = now;
        return readAgain;
    }

    /** How many times this node has asked the database how far the plans it follows are stored (none on one node). */
    public long followChecks() {
        return followChecks.get();
    }

    /**
     * Lets go of plans nobody used for {@link #IDLE_SECONDS}: only when nothing holds the plan
     * and all its changes are stored, so the copy read again later is the same.
     */
    int releaseIdlePlans() {
        return plans.releaseIdle((plan, letGo) -> {
            if (!plan.lock.tryLock()) {
                return false;
            }
            try {
                if (!plan.lastDurable.isDone()) {
                    return false;
                }
                letGo.run();
                return true;
            } finally {
                plan.lock.unlock();
            }
        });
    }
}
