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

    /** What this node sent to the others: topic and text. */
    private final List<String[]> sent = new ArrayList<>();
    /** The waits this node started: the delay in milliseconds and what runs when it ends. */
    private final List<Object[]> waits = new ArrayList<>();
    /** The changes this node took as the owner. */
    private final List<PlanChange> taken = new ArrayList<>();

    private boolean ownsThePlan;
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
        });
        set("plans", new LivePlanService() {
            @Override
            CompletableFuture<PlanAuthority.Outcome> submitHere(boolean live, Caller caller, UUID familyId, PlanChange change,
                    long startBy) {
                taken.add(change);
                return CompletableFuture.completedFuture(new PlanAuthority.Applied(change));
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
        var answer = nodes.toTheOwner(false, KEYWORKER, FAMILY, CHANGE);

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
    void a_live_change_the_owner_did_not_answer_in_time_is_not_said_to_be_unapplied_and_sending_it_again_is_safe() throws Exception {
        var answer = nodes.toTheOwner(true, KEYWORKER, FAMILY, CHANGE);

        assertEquals(TimeUnit.SECONDS.toMillis(PlansAcrossNodes.ANSWER_WAIT_SECONDS), onlyWait());
        endTheWait();
        assertEquals("The server that keeps this plan did not answer in time. Your change may or may not have been saved; "
                + "sending it again is safe.", failureOf(answer).getMessage());
    }

    @Test
    void a_change_waiting_on_an_owner_that_left_is_not_said_to_be_unapplied() {
        var answer = nodes.toTheOwner(true, KEYWORKER, FAMILY, CHANGE);

        nodes.membersChanged(new org.roundtable.conference.infrastructure.cache.ClusterMembersChanged(Set.of("node-a")));

        assertFalse(failureOf(answer).getMessage().contains("Nothing was applied"));
        assertInstanceOf(PlanChangeOutcomeUnknown.class, failureOf(answer));
    }

    private void arrives(PlanMessages.Submit submit) {
        nodes.hear(new ClusterSignal(PlansAcrossNodes.SUBMIT, PlanMessages.text(submit)));
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

        arrives(new PlanMessages.Submit("r-1", "node-b", "node-a", true, FAMILY, KEYWORKER, CHANGE));

        assertEquals(List.of(), taken);
        var notStored = assertInstanceOf(PlanMessages.NotStored.class, onlyReply());
        assertTrue(notStored.message().contains("Nothing was applied"), notStored.message());
    }

    @Test
    void the_owner_takes_a_change_sent_to_it_and_answers_with_what_it_stored() {
        ownsThePlan = true;

        arrives(new PlanMessages.Submit("r-2", "node-b", "node-a", false, FAMILY, KEYWORKER, CHANGE));

        assertEquals(List.of(CHANGE), taken);
        assertEquals(new PlanMessages.Applied(CHANGE), onlyReply());
    }
}
