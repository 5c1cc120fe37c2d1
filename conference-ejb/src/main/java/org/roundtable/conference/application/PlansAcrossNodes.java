package org.roundtable.conference.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.PlanMessages.Answer;
import org.roundtable.conference.application.access.Refusals;
import org.roundtable.conference.application.command.SignOffCommand;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.cache.ClusterMembersChanged;
import org.roundtable.conference.infrastructure.cache.ClusterSignal;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.cache.ClusterThreads;
import org.roundtable.conference.infrastructure.cache.PlanOwnership;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanRejection;
import org.roundtable.shared.protocol.ProtocolViolation;

/**
 * A plan on a cluster (decision 14, docs/cluster.md): one node owns each plan and is the only one
 * that changes it; a change made on another node is sent to the owner, and the owner's answer
 * sent back; every change the owner stores is sent to the other nodes, which apply it to their
 * copy and pass it on to their rooms. Everything goes through ClusterSignals. On one node this
 * node owns every plan and nothing is sent.
 */
@ApplicationScoped
public class PlansAcrossNodes {

    private static final Logger LOG = Logger.getLogger(PlansAcrossNodes.class.getName());

    static final String SUBMIT = "plan-submit";
    static final String REPLY = "plan-reply";
    static final String STORED = "plan-stored";
    static final String SIGNED = "plan-signed";
    static final String SIGN = "plan-sign";
    static final String SETTLE = "plan-settle";

    /**
     * How long the owner may take to begin a REST change or a sign-off sent to it, counted from
     * its arrival (the plan's queue ahead of it, the plan's lock): past that it answers "not
     * stored" without doing anything.
     */
    static final long OWNER_START_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("roundtable.plan.owner-wait-seconds", 10));

    /**
     * How long a node waits for the owner's answer to a REST change or a sign-off: longer than the
     * owner can take (to begin it, then {@link StoredChange#WAIT} for its writer, after which it
     * takes the plan back and answers "not stored"), with as much again as the first for the way
     * there and back. A resent REST change gets a new id, so the sender must not give up while the
     * owner may still store it. The owner's own answer comes first unless it died, and a node that
     * leaves is answered for at once ({@link #membersChanged}).
     */
    static final long ANSWER_WAIT_MILLIS = StoredChange.WAIT.toMillis() + 2 * TimeUnit.NANOSECONDS.toMillis(OWNER_START_NANOS);

    /**
     * How long a node waits for the owner's answer to a live change before closing the connection
     * with 1013 (the client reconnects and resends with the same id). Short, because signals can
     * be lost (a node restarting, say) and the room waits meanwhile.
     */
    static final long LIVE_ANSWER_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(Long.getLong("roundtable.plan.live-answer-wait-seconds", 10));

    /**
     * How long the owner may take to begin a live change: half the sender's wait, so that a live
     * change begun is normally stored (milliseconds) well before its sender gives up. One stored
     * after that (its writer took longer than the other half) could be made a second time by a
     * client sent the plan whole (protocol rule 4): docs/cluster.md, known defects.
     */
    static final long LIVE_START_NANOS = TimeUnit.MILLISECONDS.toNanos(LIVE_ANSWER_WAIT_MILLIS / 2);

    /** What was sent to an owner: what a sender that heard nothing back may tell the person. */
    enum Asked {
        LIVE_CHANGE("Your change may or may not have been saved; sending it again is safe."),
        REST_CHANGE("Your change may or may not have been saved; look at the plan before you make it again."),
        SIGN_OFF("Your signature may or may not have been recorded; look at the sign-off before you sign again."),
        /** A reconnecting client's changes in flight: the hello fails, and the client reconnects and asks again. */
        SETTLE("Please reconnect: your changes are kept and will be sent again.");

        private final String unknown;

        Asked(String unknown) {
            this.unknown = unknown;
        }
    }

    /** A change or a sign-off sent to an owner, waiting for its answer. */
    private record Waiting(String owner, Asked asked, CompletableFuture<Answer> answer) {
    }

    private final ConcurrentMap<String, Waiting> waiting = new ConcurrentHashMap<>();

    @Inject
    private ClusterSignals signals;

    @Inject
    private PlanOwnership ownership;

    @Inject
    private LivePlanService plans;

    @Inject
    private SignOffService signOffs;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /**
     * Where the work other nodes send is done, one plan's after another's (PlanQueues): not the
     * threads that fire every node's signals, so plans that wait (for a lock, for the writer) can
     * never hold up the signals; and not a managed executor, which refuses every task once the
     * node is told to stop, while it still owns plans (ClusterThreads).
     */
    @Inject
    private ClusterThreads threads;

    private final PlanQueues perPlan = new PlanQueues(work -> threads.plans().execute(work));

    /** Whether this node changes the family's plan itself (it owns it). */
    boolean ownsHere(UUID familyId) {
        return ownership.ownsHere(familyId);
    }

    /**
     * Sends a change to the plan's owner. The answer completes with what the owner made of it
     * (once stored), or with the refusal the owner decided, or with {@link PlanNotStored}: the
     * owner could not store it (nothing applied), or did not answer in time or left the cluster
     * (then it may or may not have stored it; a live change sent again keeps its id and is
     * recognised, so only the words differ).
     */
    CompletableFuture<PlanAuthority.Outcome> toTheOwner(boolean live, Caller caller, UUID familyId, UUID conferenceId, PlanChange change) {
        return ask(live ? Asked.LIVE_CHANGE : Asked.REST_CHANGE, live ? LIVE_ANSWER_WAIT_MILLIS : ANSWER_WAIT_MILLIS, familyId, SUBMIT, (requestId, owner) -> PlanMessages.text(
                new PlanMessages.Submit(requestId, ownership.thisNode(), owner, live, familyId, conferenceId, caller, change)))
                .thenApply(answer -> answer instanceof PlanMessages.Applied applied ? new PlanAuthority.Applied(applied.change())
                        : new PlanAuthority.Duplicate(((PlanMessages.Duplicate) answer).revision()));
    }

    /**
     * Asks the plan's owner to record a sign-off, and returns once it has: a signature given on a
     * node that follows the plan could cover words the owner changed a moment before, without the
     * owner knowing to void it (it decides what a change voids from what it holds). On the owner,
     * the signature and every change to the plan take turns under the plan's lock. Throws the
     * refusal the owner decided, or {@link PlanNotStored} as {@link #toTheOwner} does.
     */
    void signOnTheOwner(Caller caller, UUID familyId, UUID conferenceId, SignOffCommand command) {
        var answer = ask(Asked.SIGN_OFF, ANSWER_WAIT_MILLIS, familyId, SIGN, (requestId, owner) -> PlanMessages.text(new PlanMessages.Sign(requestId,
                ownership.thisNode(), owner, familyId, conferenceId, caller, command.actionId(), command.contentHash())));
        awaitAnswer(answer, Asked.SIGN_OFF);
    }

    /**
     * Asks the plan's owner to settle a reconnecting client's changes in flight (see
     * {@link LivePlanService#settleInFlight}) and returns once it has, waiting at most
     * {@code waitMillis} (what is left of the client's wait for its welcome). Throws the refusal the owner
     * decided, or {@link PlanNotStored}: the hello fails and the client reconnects.
     */
    void settleOnTheOwner(Caller caller, UUID familyId, java.util.List<String> changeIds, String clientId, long waitMillis) {
        var answer = ask(Asked.SETTLE, waitMillis, familyId, SETTLE, (requestId, owner) -> PlanMessages.text(new PlanMessages.Settle(requestId,
                ownership.thisNode(), owner, familyId, caller, changeIds, clientId)));
        awaitAnswer(answer, Asked.SETTLE);
    }

    /**
     * Blocks for the owner's answer to a REST change or a sign-off, and returns it or throws what
     * it failed with (the owner's refusal, or {@link PlanNotStored}). The answer gives up by itself
     * after {@link #ANSWER_WAIT_MILLIS}; the wait here is only a backstop, a second longer.
     */
    static <T> T awaitAnswer(CompletableFuture<T> answer, Asked asked) {
        try {
            return answer.get(ANSWER_WAIT_MILLIS + TimeUnit.SECONDS.toMillis(1), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw notAnswered(asked, "did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends what {@code text} writes (given the request's id and the owner's name) to the plan's
     * owner; the answer completes or fails as {@link #toTheOwner} says, failing by itself after
     * {@code waitMillis}.
     */
    private CompletableFuture<Answer> ask(Asked asked, long waitMillis, UUID familyId, String topic, BiFunction<String, String, String> text) {
        String owner = ownership.ownerOf(familyId);
        var answer = new CompletableFuture<Answer>();
        if (owner.equals(ownership.thisNode())) {
            // The plan came here since the caller asked: a node never hears its own signals, so nothing would answer.
            answer.completeExceptionally(new PlanNotStored(MOVED));
            return answer;
        }
        String requestId = UUID.randomUUID().toString();
        waiting.put(requestId, new Waiting(owner, asked, answer));
        var giveUp = scheduler.schedule(() -> answer.completeExceptionally(notAnswered(asked, "did not answer in time")),
                waitMillis, TimeUnit.MILLISECONDS);
        answer.whenComplete((outcome, failure) -> {
            waiting.remove(requestId);
            giveUp.cancel(false);
        });
        signals.send(topic, text.apply(requestId, owner));
        return answer;
    }

    /** The owner stored a change: the other nodes' copies follow. */
    void stored(UUID familyId, PlanChange change, String authorName, String operations, String hash, Set<String> voided) {
        if (ownership.members().size() > 1) {
            signals.send(STORED, PlanMessages.text(new PlanMessages.Stored(familyId, change, authorName, operations, hash, voided)));
        }
    }

    /** A signature was given here: the owner (and every other copy) must know, so an edit after it voids it. */
    void signed(UUID familyId, String actionId) {
        if (ownership.members().size() > 1) {
            signals.send(SIGNED, PlanMessages.text(new PlanMessages.Signed(familyId, actionId)));
        }
    }

    void hear(@Observes ClusterSignal signal) {
        try {
            switch (signal.topic()) {
                case SUBMIT -> {
                    var submit = PlanMessages.submit(signal.text());
                    if (submit.to().equals(ownership.thisNode())) {
                        // Counted from its arrival: the plan's queue ahead of it counts too.
                        long startBy = System.nanoTime() + (submit.live() ? LIVE_START_NANOS : OWNER_START_NANOS);
                        perPlan.run(submit.familyId(), () -> answer(submit, startBy));
                    }
                }
                case SIGN -> {
                    var sign = PlanMessages.sign(signal.text());
                    if (sign.to().equals(ownership.thisNode())) {
                        long startBy = System.nanoTime() + OWNER_START_NANOS;
                        perPlan.run(sign.familyId(), () -> sign(sign, startBy));
                    }
                }
                case SETTLE -> {
                    var settle = PlanMessages.settle(signal.text());
                    if (settle.to().equals(ownership.thisNode())) {
                        // In the plan's queue: after every change sent to it before, whose answers then name them.
                        long startBy = System.nanoTime() + LIVE_START_NANOS;
                        perPlan.run(settle.familyId(), () -> settle(settle, startBy));
                    }
                }
                case REPLY -> answered(PlanMessages.reply(signal.text()));
                case STORED -> plans.follow(PlanMessages.stored(signal.text()));
                case SIGNED -> {
                    // From the owner (it records every sign-off) to the copies that follow it, whose locks are held briefly.
                    var signed = PlanMessages.signed(signal.text());
                    plans.signedElsewhere(signed.familyId(), signed.actionId());
                }
                default -> {
                    // Another topic: not about plans.
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not act on " + signal.topic() + " from another node", e);
        }
    }

    /**
     * A node left: what waits on its answer will never get one, so the senders are told to send
     * again. A node that said it is stopping (PlanHandover) has stored what it took before it said
     * so (its answers may still be on their way), but what reached it after its application
     * stopped listening is never answered: a live
     * change or a reconnecting client's settling stops waiting for it at once (the client
     * reconnects, or the settling asks the new owner). A REST change or a sign-off waits on for
     * its answer ("moved", mostly), or for the node to leave: its person would otherwise be told
     * it may or may not have been done.
     */
    void membersChanged(@Observes ClusterMembersChanged change) {
        for (var entry : waiting.entrySet()) {
            Waiting w = entry.getValue();
            if (!change.members().contains(w.owner())) {
                w.answer().completeExceptionally(notAnswered(w.asked(), "stopped"));
            } else if ((w.asked() == Asked.LIVE_CHANGE || w.asked() == Asked.SETTLE) && ownership.isLeaving(w.owner())) {
                w.answer().completeExceptionally(notAnswered(w.asked(), "is stopping"));
            }
        }
    }

    /**
     * The owner's answer will not come: it may have stored the change before it went quiet, so
     * the words claim nothing either way. A live change sent again is recognised by its id; a
     * REST change sent again is a new one, so the person looks first.
     */
    static PlanNotStored notAnswered(Asked asked, String what) {
        return new PlanChangeOutcomeUnknown("The server that keeps this plan " + what + ". " + asked.unknown);
    }

    /**
     * On the owner, in the plan's queue: takes the change as if it had been made here, and
     * answers once it is stored. A node that no longer owns the plan (it moved while the change
     * was on its way or queued here) applies nothing and answers "not stored", so the sender
     * sends it again, to the new owner; {@link LivePlanService#submitHere} asks again under the
     * plan's lock.
     */
    private void answer(PlanMessages.Submit submit, long startBy) {
        if (!ownsHere(submit.familyId())) {
            reply(submit, new PlanMessages.NotStored(MOVED));
            return;
        }
        if (System.nanoTime() - startBy > 0) {
            // Waited too long in the plan's queue: answered without a query (submitHere asks again under the lock).
            reply(submit, new PlanMessages.NotStored(TOO_BUSY));
            return;
        }
        CompletableFuture<PlanAuthority.Outcome> outcome;
        try {
            outcome = plans.submitHere(submit.live(), submit.caller(), submit.familyId(), submit.conferenceId(), submit.change(), startBy);
        } catch (RuntimeException e) {
            reply(submit, refusal(e));
            return;
        }
        outcome.whenComplete((done, failure) -> {
            try {
                reply(submit, failure == null ? answerOf(done) : refusal(failure));
            } catch (RuntimeException e) {
                // On the writer's or the scheduler's thread: nothing else would say so. The sender's wait runs out.
                LOG.log(Level.WARNING, "Could not answer a change sent from " + submit.from(), e);
            }
        });
    }

    /** On the owner, in the plan's queue: records a sign-off asked for on another node, as if asked here. */
    private void sign(PlanMessages.Sign sign, long startBy) {
        signals.send(REPLY, PlanMessages.text(new PlanMessages.Reply(sign.requestId(), sign.from(), signedHere(sign, startBy))));
    }

    private Answer signedHere(PlanMessages.Sign sign, long startBy) {
        if (!ownsHere(sign.familyId())) {
            return new PlanMessages.NotStored(MOVED);
        }
        if (System.nanoTime() - startBy > 0) {
            return new PlanMessages.NotStored(TOO_BUSY);
        }
        try {
            signOffs.signSentFromAnotherNode(sign.caller(), sign.conferenceId(), new SignOffCommand(sign.actionId(), sign.contentHash()),
                    startBy);
            return new PlanMessages.Signature();
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    /**
     * On the owner, in the plan's queue: settles a reconnecting client's changes in flight, as if
     * it had said hello here, and answers once everything queued for the plan is stored, from the
     * writer's thread: this thread, which drains the plan's queue, does not wait for the writer.
     */
    private void settle(PlanMessages.Settle settle, long startBy) {
        if (!ownsHere(settle.familyId())) {
            replyTo(settle, new PlanMessages.NotStored(MOVED));
            return;
        }
        if (System.nanoTime() - startBy > 0) {
            replyTo(settle, new PlanMessages.NotStored(TOO_BUSY));
            return;
        }
        CompletableFuture<Void> stored;
        try {
            stored = plans.settleHere(settle.caller(), settle.familyId(), settle.changeIds(), settle.clientId(), startBy);
        } catch (RuntimeException e) {
            replyTo(settle, refusal(e));
            return;
        }
        stored.whenComplete((done, failure) -> {
            try {
                // A write that failed: the plan is read again, its fences kept; the asker asks again.
                replyTo(settle, failure == null ? new PlanMessages.Settled() : new PlanMessages.NotStored(LivePlanService.NOT_SETTLED));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not answer a settle sent from " + settle.from(), e);
            }
        });
    }

    private void replyTo(PlanMessages.Settle settle, Answer answer) {
        signals.send(REPLY, PlanMessages.text(new PlanMessages.Reply(settle.requestId(), settle.from(), answer)));
    }

    /** The answer to what waited past the owner's deadline to begin it. */
    static final String TOO_BUSY = "The server that keeps this plan was too busy to take this. Nothing was done; please try again.";

    /** The answer of a node that no longer owns the plan: nothing was applied there. */
    static final String MOVED = "The plan moved to another server. Nothing was applied; please try again.";

    private void reply(PlanMessages.Submit submit, Answer answer) {
        signals.send(REPLY, PlanMessages.text(new PlanMessages.Reply(submit.requestId(), submit.from(), answer)));
    }

    private void answered(PlanMessages.Reply reply) {
        if (!reply.to().equals(ownership.thisNode())) {
            return;
        }
        Waiting w = waiting.get(reply.requestId());
        if (w == null) {
            // Given up on already: the sender was told to send again, and a resend is recognised.
            return;
        }
        Answer answer = reply.answer();
        if (answer instanceof PlanMessages.Refused refused) {
            w.answer().completeExceptionally(again(refused));
        } else if (answer instanceof PlanMessages.NotStored notStored) {
            w.answer().completeExceptionally(new PlanNotStored(notStored.message()));
        } else {
            w.answer().complete(answer);
        }
    }

    private static Answer answerOf(PlanAuthority.Outcome outcome) {
        return outcome instanceof PlanAuthority.Duplicate d ? new PlanMessages.Duplicate(d.revision())
                : new PlanMessages.Applied(((PlanAuthority.Applied) outcome).change());
    }

    /** How a refusal on the owner travels: its kind, its reason or field, its words. Anything else was not stored. */
    static Answer refusal(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String access = Refusals.kindOf(e);
        if (access != null) {
            return new PlanMessages.Refused(access, null, e.getMessage());
        }
        if (e instanceof PlanRejection r) {
            return new PlanMessages.Refused("plan", r.reason().name(), r.getMessage());
        }
        if (e instanceof InvalidInput i) {
            return new PlanMessages.Refused("invalid", i.field(), i.getMessage());
        }
        if (e instanceof DomainRuleViolation) {
            return new PlanMessages.Refused("conflict", null, e.getMessage());
        }
        if (e instanceof ProtocolViolation p) {
            return new PlanMessages.Refused("protocol", p.code(), p.getMessage());
        }
        if (!(e instanceof TryLater)) {
            LOG.log(Level.WARNING, "A change sent from another node was not stored", e);
        }
        return new PlanMessages.NotStored(e instanceof TryLater ? e.getMessage()
                : "The plan could not be saved just now. Nothing was applied; please try again.");
    }

    /** The refusal the owner decided, made again here with the same words. */
    static RuntimeException again(PlanMessages.Refused refused) {
        RuntimeException access = Refusals.again(refused.kind(), refused.message());
        if (access != null) {
            return access;
        }
        return switch (refused.kind()) {
            case "plan" -> new PlanRejection(PlanRejection.Reason.valueOf(refused.detail()), refused.message());
            case "invalid" -> new InvalidInput(refused.detail(), refused.message());
            case "conflict" -> new DomainRuleViolation(refused.message());
            case "protocol" -> new ProtocolViolation(refused.detail(), refused.message());
            default -> new PlanNotStored(refused.message());
        };
    }
}
