package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.SignOffCommand;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.cache.ClusterSignal;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.cache.PlanOwnership;
import org.roundtable.shared.domain.StaffRole;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;

/**
 * Node A sends plan changes to node B, which owns the plan. The other node, the clock and the
 * owner's plans are stand-ins: what is sent is recorded, a wait is a task the test runs.
 */
class PlansAcrossNodesTest {

    private static final UUID FAMILY = UUID.randomUUID();
    private static final Caller KEYWORKER = Caller.staff(UUID.randomUUID(), "Priya Shah", UUID.randomUUID(), Set.of(StaffRole.CHAIR));
    private static final PlanChange CHANGE = new PlanChange("c-1", "conn-1", 4, List.of());
    private static final UUID ROOM = UUID.randomUUID();

    /** What this node sent to the others: topic and text. */
    private final List<String[]> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The waits this node started: the delay in milliseconds and what runs when it ends. */
    private final List<Object[]> waits = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The changes this node took as the owner. */
    private final List<PlanChange> taken = new ArrayList<>();
    /** What this node did as the owner, in order: each change it took and each signature it heard of. */
    private final List<String> done = new ArrayList<>();
    /** The deadline to begin each change taken, and the room it came from. */
    private final List<Long> startBys = new ArrayList<>();
    private final List<UUID> rooms = new ArrayList<>();
    /** Work handed to the plans' executor, not yet run: the thread that delivers signals only queues. */
    private final List<Runnable> planWork = new ArrayList<>();

    private boolean ownsThePlan;
    /** The nodes this node heard are stopping. */
    private final Set<String> leavingNodes = new java.util.HashSet<>();
    /** When what the plan had queued before a settle is stored. */
    private CompletableFuture<Void> settledStored = CompletableFuture.completedFuture(null);
    /** What the owner's sign-off refuses with, if anything. */
    private RuntimeException refuseSigning;
    private final PlansAcrossNodes nodes = new PlansAcrossNodes();

    PlansAcrossNodesTest() throws ReflectiveOperationException {
        set("signals", new ClusterSignals() {
            @Override
            public void send(String topic, String text) {
                sent.add(new String[] {topic, text});
            }
        });
        set("ownership", new PlanOwnership() {
            @Override
            public boolean ownsHere(UUID familyId) {
                return ownsThePlan;
            }

            @Override
            public String ownerOf(UUID familyId) {
                return ownsThePlan ? "node-a" : "node-b";
            }

            @Override
            public String thisNode() {
                return "node-a";
            }

            @Override
            public Set<String> members() {
                return Set.of("node-a", "node-b");
            }

            @Override
            public boolean isLeaving(String node) {
                return leavingNodes.contains(node);
            }
        });
        set("plans", new LivePlanService() {
            @Override
            CompletableFuture<PlanAuthority.Outcome> submitHere(boolean live, Caller caller, UUID familyId, UUID conferenceId,
                    PlanChange change, long startBy) {
                taken.add(change);
                done.add("change " + change.changeId());
                startBys.add(startBy);
                rooms.add(conferenceId);
                return CompletableFuture.completedFuture(new PlanAuthority.Applied(change));
            }

            @Override
            void signedElsewhere(UUID familyId, String actionId) {
                done.add("signed " + actionId);
            }

            @Override
            CompletableFuture<Void> settleHere(Caller caller, UUID familyId, List<String> changeIds, String clientId, Long startBy) {
                done.add("settled " + changeIds + " for " + caller.displayName() + " on " + clientId);
                return settledStored;
            }
        });
        set("signOffs", new SignOffService() {
            @Override
            public void signSentFromAnotherNode(Caller caller, UUID conferenceId, SignOffCommand command, long startBy) {
                if (refuseSigning != null) {
                    throw refuseSigning;
                }
                done.add("signature on " + command.actionId() + " by " + caller.displayName() + " in " + conferenceId);
            }
        });
        set("threads", new org.roundtable.conference.infrastructure.cache.ClusterThreads() {
            @Override
            public java.util.concurrent.Executor plans() {
                return planWork::add;
            }
        });
        set("scheduler", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        waits.add(new Object[] {((TimeUnit) args[2]).toMillis((Long) args[1]), args[0]});
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ScheduledFuture.class},
                                (f, m, a) -> m.getReturnType() == boolean.class ? Boolean.TRUE : null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    private void set(String field, Object value) throws ReflectiveOperationException {
        InjectedFields.set(nodes, field, value);
    }

    private long onlyWait() {
        assertEquals(1, waits.size());
        return (Long) waits.get(0)[0];
    }

    private void endTheWait() throws Exception {
        Object task = waits.get(0)[1];
        if (task instanceof Runnable r) {
            r.run();
        } else {
            ((java.util.concurrent.Callable<?>) task).call();
        }
    }

    private static PlanNotStored failureOf(CompletableFuture<PlanAuthority.Outcome> answer) {
        var failure = assertInstanceOf(ExecutionException.class, org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> answer.get(0, TimeUnit.SECONDS)));
        return assertInstanceOf(PlanNotStored.class, failure.getCause());
    }

    @Test
    void a_rest_change_is_waited_for_longer_than_the_owner_may_take_to_store_it_and_its_timeout_claims_nothing_either_way() throws Exception {
        var answer = nodes.toTheOwner(false, KEYWORKER, FAMILY, null, CHANGE);

        long ownerMayTake = StoredChange.WAIT.toMillis() + TimeUnit.NANOSECONDS.toMillis(PlansAcrossNodes.OWNER_START_NANOS);
        assertTrue(onlyWait() > ownerMayTake, "waits " + onlyWait() + " ms; the owner may take " + ownerMayTake + " ms");

        endTheWait();
        PlanNotStored failure = failureOf(answer);
        String words = failure.getMessage();
        assertFalse(words.contains("Nothing was applied"), words);
        assertTrue(words.contains("may or may not have been saved"), words);
        // A REST change has no id: told when to send it again, a client could make it twice (no Retry-After, RetryAfterTest).
        assertInstanceOf(PlanChangeOutcomeUnknown.class, failure);
    }

    @Test
    void a_live_change_is_waited_for_twice_as_long_as_the_owner_may_take_to_begin_it_and_sending_it_again_is_safe() throws Exception {
        // Short, so a lost signal holds the room up for seconds, not a minute; the owner begins it in the first half or never.
        var answer = nodes.toTheOwner(true, KEYWORKER, FAMILY, ROOM, CHANGE);

        assertEquals(TimeUnit.SECONDS.toMillis(10), onlyWait());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(onlyWait()) / 2, PlansAcrossNodes.LIVE_START_NANOS);
        endTheWait();
        assertEquals("The server that keeps this plan did not answer in time. Your change may or may not have been saved; "
                + "sending it again is safe.", failureOf(answer).getMessage());
    }

    @Test
    void a_live_change_tells_the_owner_which_room_it_was_made_in() {
        nodes.toTheOwner(true, KEYWORKER, FAMILY, ROOM, CHANGE);

        assertEquals(ROOM, PlanMessages.submit(sent.get(0)[1]).conferenceId());
    }

    @Test
    void a_change_waiting_on_an_owner_that_left_is_not_said_to_be_unapplied() {
        var answer = nodes.toTheOwner(true, KEYWORKER, FAMILY, ROOM, CHANGE);

        nodes.membersChanged(new org.roundtable.conference.infrastructure.cache.ClusterMembersChanged(Set.of("node-a")));

        assertFalse(failureOf(answer).getMessage().contains("Nothing was applied"));
        assertInstanceOf(PlanChangeOutcomeUnknown.class, failureOf(answer));
    }

    @Test
    void a_live_change_waiting_on_an_owner_that_says_it_is_stopping_stops_waiting_at_once_claiming_nothing_either_way() {
        var answer = nodes.toTheOwner(true, KEYWORKER, FAMILY, ROOM, CHANGE);

        leavingNodes.add("node-b");
        nodes.membersChanged(new org.roundtable.conference.infrastructure.cache.ClusterMembersChanged(Set.of("node-a", "node-b")));

        // Its client reconnects and settles the change with the new owner, which has read what node-b stored.
        assertInstanceOf(PlanChangeOutcomeUnknown.class, failureOf(answer));
    }

    @Test
    void a_rest_change_waiting_on_an_owner_that_says_it_is_stopping_waits_on_for_its_answer() {
        var answer = nodes.toTheOwner(false, KEYWORKER, FAMILY, null, CHANGE);

        leavingNodes.add("node-b");
        nodes.membersChanged(new org.roundtable.conference.infrastructure.cache.ClusterMembersChanged(Set.of("node-a", "node-b")));

        assertFalse(answer.isDone(), "the stopping owner answers what it took before it said so (its person is not told 'maybe')");
    }

    private void arrives(PlanMessages.Submit submit) {
        nodes.hear(new ClusterSignal(PlansAcrossNodes.SUBMIT, PlanMessages.text(submit)));
    }

    /** The plans' executor runs what it was given (and what that gives it). */
    private void runPlanWork() {
        while (!planWork.isEmpty()) {
            planWork.remove(0).run();
        }
    }

    private PlanMessages.Answer onlyReply() {
        assertEquals(1, sent.size());
        assertEquals(PlansAcrossNodes.REPLY, sent.get(0)[0]);
        var reply = PlanMessages.reply(sent.get(0)[1]);
        assertEquals("node-b", reply.to());
        return reply.answer();
    }

    @Test
    void a_node_that_no_longer_owns_the_plan_applies_nothing_sent_to_it_and_tells_the_sender_to_send_it_again() {
        ownsThePlan = false;

        arrives(new PlanMessages.Submit("r-1", "node-b", "node-a", true, FAMILY, ROOM, KEYWORKER, CHANGE));
        runPlanWork();

        assertEquals(List.of(), taken);
        var notStored = assertInstanceOf(PlanMessages.NotStored.class, onlyReply());
        assertTrue(notStored.message().contains("Nothing was applied"), notStored.message());
    }

    @Test
    void the_owner_takes_a_change_sent_to_it_and_answers_with_what_it_stored() {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-2", "node-b", "node-a", false, FAMILY, null, KEYWORKER, CHANGE));
        runPlanWork();

        assertEquals(List.of(CHANGE), taken);
        assertEquals(new PlanMessages.Applied(CHANGE), onlyReply());
    }

    @Test
    void the_thread_that_delivers_signals_only_queues_a_change_for_the_owner_which_takes_it_on_a_thread_of_its_plans() {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-3", "node-b", "node-a", true, FAMILY, ROOM, KEYWORKER, CHANGE));

        assertEquals(List.of(), taken, "taken on the thread that delivers every node's signals");
        assertEquals(List.of(), sent);
        runPlanWork();
        assertEquals(List.of(CHANGE), taken);
        assertEquals(List.of(ROOM), rooms);
        assertEquals(new PlanMessages.Applied(CHANGE), onlyReply());
    }

    @Test
    void the_owners_deadline_to_begin_a_change_counts_from_its_arrival_not_from_when_its_plans_queue_reaches_it() throws Exception {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-4", "node-b", "node-a", true, FAMILY, ROOM, KEYWORKER, CHANGE));
        long arrived = System.nanoTime();
        Thread.sleep(50);
        runPlanWork();

        long startBy = startBys.get(0);
        assertTrue(startBy - arrived <= PlansAcrossNodes.LIVE_START_NANOS,
                "the deadline is " + TimeUnit.NANOSECONDS.toMillis(startBy - arrived) + " ms after the change arrived");
    }

    private static final SignOffCommand SIGNING = new SignOffCommand(UUID.randomUUID(), "hash-of-the-words-read");

    /** Signs on this node (which follows the plan) on a thread of its own, as a request would; returns what it ended with. */
    private CompletableFuture<Void> signingHere() {
        return CompletableFuture.runAsync(() -> nodes.signOnTheOwner(KEYWORKER, FAMILY, ROOM, SIGNING));
    }

    private PlanMessages.Sign sentSign() throws InterruptedException {
        for (int i = 0; i < 500 && sent.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(PlansAcrossNodes.SIGN, sent.get(0)[0]);
        return PlanMessages.sign(sent.get(0)[1]);
    }

    private void ownerAnswers(PlanMessages.Sign sign, PlanMessages.Answer answer) {
        nodes.hear(new ClusterSignal(PlansAcrossNodes.REPLY, PlanMessages.text(new PlanMessages.Reply(sign.requestId(), sign.from(), answer))));
    }

    @Test
    void a_sign_off_on_a_node_that_follows_the_plan_is_recorded_by_the_owner_and_waited_for() throws Exception {
        var signing = signingHere();

        PlanMessages.Sign sign = sentSign();
        assertEquals(new PlanMessages.Sign(sign.requestId(), "node-a", "node-b", FAMILY, ROOM, KEYWORKER, SIGNING.actionId(),
                SIGNING.contentHash()), sign);
        assertFalse(signing.isDone(), "returned before the owner answered");
        ownerAnswers(sign, new PlanMessages.Signature());
        signing.get(5, TimeUnit.SECONDS);
    }

    @Test
    void the_owner_settles_a_reconnecting_clients_changes_in_flight_in_the_plans_queue_after_the_change_sent_before_them() {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-8", "node-b", "node-a", true, FAMILY, ROOM, KEYWORKER, CHANGE));
        nodes.hear(new ClusterSignal(PlansAcrossNodes.SETTLE, PlanMessages.text(new PlanMessages.Settle("r-9", "node-b", "node-a",
                FAMILY, KEYWORKER, List.of("c-1"), "conn-2"))));

        assertEquals(List.of(), done, "done on the thread that delivers every node's signals");
        runPlanWork();
        assertEquals(List.of("change c-1", "settled [c-1] for Priya Shah on conn-2"), done);
        var reply = PlanMessages.reply(sent.get(1)[1]);
        assertEquals("r-9", reply.requestId());
        assertEquals(new PlanMessages.Settled(), reply.answer());
    }

    @Test
    void the_owner_answers_a_settle_only_once_what_its_plan_had_queued_is_stored_without_waiting_on_the_plans_thread() {
        ownsThePlan = true;
        settledStored = new CompletableFuture<>();

        nodes.hear(new ClusterSignal(PlansAcrossNodes.SETTLE, PlanMessages.text(new PlanMessages.Settle("r-11", "node-b", "node-a",
                FAMILY, KEYWORKER, List.of("c-1"), "conn-2"))));
        runPlanWork();

        assertEquals(List.of("settled [c-1] for Priya Shah on conn-2"), done);
        assertEquals(List.of(), sent, "not answered before the changes queued before it are stored");
        settledStored.complete(null);
        assertEquals(new PlanMessages.Settled(), onlyReply());
    }

    @Test
    void a_node_the_plan_moved_away_from_settles_nothing_and_tells_the_asker_to_try_again() {
        ownsThePlan = false;

        nodes.hear(new ClusterSignal(PlansAcrossNodes.SETTLE, PlanMessages.text(new PlanMessages.Settle("r-10", "node-b", "node-a",
                FAMILY, KEYWORKER, List.of("c-1"), "conn-2"))));
        runPlanWork();

        assertEquals(List.of(), done);
        assertEquals(new PlanMessages.NotStored(PlansAcrossNodes.MOVED), onlyReply());
    }

    @Test
    void a_hello_on_a_node_that_follows_the_plan_waits_for_the_owner_to_settle_its_changes_in_flight() throws Exception {
        var settling = CompletableFuture.runAsync(() -> nodes.settleOnTheOwner(KEYWORKER, FAMILY, List.of("c-1"), "conn-2", 9_000));
        for (int i = 0; i < 500 && sent.isEmpty(); i++) {
            Thread.sleep(10);
        }

        assertEquals(PlansAcrossNodes.SETTLE, sent.get(0)[0]);
        var settle = PlanMessages.settle(sent.get(0)[1]);
        assertEquals(new PlanMessages.Settle(settle.requestId(), "node-a", "node-b", FAMILY, KEYWORKER, List.of("c-1"), "conn-2"), settle);
        assertFalse(settling.isDone(), "returned before the owner answered");
        nodes.hear(new ClusterSignal(PlansAcrossNodes.REPLY, PlanMessages.text(new PlanMessages.Reply(settle.requestId(), "node-a",
                new PlanMessages.Settled()))));
        settling.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_hello_whose_changes_the_owner_does_not_settle_in_what_is_left_of_its_wait_fails_so_the_client_reconnects() throws Exception {
        var settling = CompletableFuture.runAsync(() -> nodes.settleOnTheOwner(KEYWORKER, FAMILY, List.of("c-1"), "conn-2", 7_300));
        for (int i = 0; i < 500 && waits.isEmpty(); i++) {
            Thread.sleep(10);
        }

        assertEquals(7_300, onlyWait(), "what is left of the client's wait for its welcome");
        endTheWait();
        var failure = assertInstanceOf(ExecutionException.class, org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> settling.get(5, TimeUnit.SECONDS)));
        assertInstanceOf(PlanNotStored.class, failure.getCause());
    }

    @Test
    void a_sign_off_the_owner_refuses_is_refused_here_in_the_owners_words() throws Exception {
        var signing = signingHere();

        ownerAnswers(sentSign(), new PlanMessages.Refused("conflict", null, "This action has changed since you read it."));

        var failure = assertInstanceOf(ExecutionException.class, org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> signing.get(5, TimeUnit.SECONDS)));
        assertInstanceOf(DomainRuleViolation.class, failure.getCause());
        assertEquals("This action has changed since you read it.", failure.getCause().getMessage());
    }

    @Test
    void the_owner_records_a_sign_off_sent_to_it_in_the_plans_queue_after_the_change_sent_before_it() {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-6", "node-b", "node-a", true, FAMILY, ROOM, KEYWORKER, CHANGE));
        nodes.hear(new ClusterSignal(PlansAcrossNodes.SIGN, PlanMessages.text(new PlanMessages.Sign("r-7", "node-b", "node-a", FAMILY,
                ROOM, KEYWORKER, SIGNING.actionId(), SIGNING.contentHash()))));

        assertEquals(List.of(), done, "done on the thread that delivers every node's signals");
        runPlanWork();
        assertEquals(List.of("change c-1", "signature on " + SIGNING.actionId() + " by Priya Shah in " + ROOM), done);
        var reply = PlanMessages.reply(sent.get(1)[1]);
        assertEquals("r-7", reply.requestId());
        assertEquals(new PlanMessages.Signature(), reply.answer());
    }

    @Test
    void the_owner_answers_a_sign_off_it_refuses_with_its_refusal() {
        ownsThePlan = true;
        refuseSigning = new ResourceNotFound("action");

        nodes.hear(new ClusterSignal(PlansAcrossNodes.SIGN, PlanMessages.text(new PlanMessages.Sign("r-8", "node-b", "node-a", FAMILY,
                ROOM, KEYWORKER, SIGNING.actionId(), SIGNING.contentHash()))));
        runPlanWork();

        var refused = assertInstanceOf(PlanMessages.Refused.class, onlyReply());
        assertEquals("not-found", refused.kind());
    }

    @Test
    void a_sign_off_the_owner_never_answers_is_not_said_to_be_unrecorded() throws Exception {
        var signing = signingHere();
        sentSign();

        endTheWait();

        var failure = assertInstanceOf(ExecutionException.class, org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> signing.get(5, TimeUnit.SECONDS)));
        assertInstanceOf(PlanChangeOutcomeUnknown.class, failure.getCause());
        assertEquals("The server that keeps this plan did not answer in time. Your signature may or may not have been recorded; "
                + "look at the sign-off before you sign again.", failure.getCause().getMessage());
    }

    @Test
    void a_change_for_a_plan_that_has_just_come_to_this_node_is_not_sent_to_itself_to_wait_for_an_answer_that_never_comes() {
        // The caller asked before the plan moved here; a node never hears its own signals.
        ownsThePlan = true;

        var answer = nodes.toTheOwner(true, KEYWORKER, FAMILY, ROOM, CHANGE);

        assertEquals(PlansAcrossNodes.MOVED, failureOf(answer).getMessage());
        assertEquals(List.of(), sent);
        assertEquals(List.of(), waits);
    }

    @Test
    void the_owner_gives_a_live_change_half_its_senders_wait_to_begin_and_a_rest_change_the_owners_whole_deadline() {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-9", "node-b", "node-a", true, FAMILY, ROOM, KEYWORKER, CHANGE));
        arrives(new PlanMessages.Submit("r-10", "node-b", "node-a", false, FAMILY, null, KEYWORKER, CHANGE));
        long arrived = System.nanoTime();
        runPlanWork();

        long live = startBys.get(0) - arrived;
        long rest = startBys.get(1) - arrived;
        assertTrue(live <= PlansAcrossNodes.LIVE_START_NANOS && live > PlansAcrossNodes.LIVE_START_NANOS - TimeUnit.SECONDS.toNanos(1),
                "live: " + TimeUnit.NANOSECONDS.toMillis(live) + " ms");
        assertTrue(rest <= PlansAcrossNodes.OWNER_START_NANOS && rest > PlansAcrossNodes.OWNER_START_NANOS - TimeUnit.SECONDS.toNanos(1),
                "REST: " + TimeUnit.NANOSECONDS.toMillis(rest) + " ms");
    }

    @Test
    void waiting_for_the_owners_answer_gives_what_it_stored_or_throws_its_refusal_in_its_own_words() {
        var stored = new PlanAuthority.Duplicate(7);
        assertEquals(stored, PlansAcrossNodes.awaitAnswer(CompletableFuture.completedFuture(stored), PlansAcrossNodes.Asked.REST_CHANGE));

        var refusal = new DomainRuleViolation("Only the action's owner may sign it off.");
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(DomainRuleViolation.class,
                () -> PlansAcrossNodes.awaitAnswer(CompletableFuture.failedFuture(refusal), PlansAcrossNodes.Asked.SIGN_OFF));
        org.junit.jupiter.api.Assertions.assertSame(refusal, thrown);
    }

    @Test
    void a_thread_waiting_for_the_owner_that_is_interrupted_stops_waiting_and_keeps_its_interrupt() {
        Thread.currentThread().interrupt();
        try {
            var thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> PlansAcrossNodes.awaitAnswer(new CompletableFuture<>(), PlansAcrossNodes.Asked.REST_CHANGE));
            assertInstanceOf(InterruptedException.class, thrown.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
