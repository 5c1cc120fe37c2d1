package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.access.AccessDenied;
import org.roundtable.conference.application.access.InMemoryAccess;
import org.roundtable.conference.application.access.PlanEditPolicy;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.conference.domain.model.room.RoomStates;
import org.roundtable.conference.infrastructure.persistence.PlanStore;
import org.roundtable.conference.infrastructure.persistence.PlanWriter;
import org.roundtable.shared.domain.StaffRole;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.TextOperation;

/**
 * The plan's owner node takes a change another node sent it only if it may still be applied as
 * the sender promised: begun in time, by the node that owns the plan at that moment, from someone
 * a private part begun a moment ago (on any node) does not keep out. Otherwise nothing is applied.
 */
class ChangesSentToTheOwnerTest {

    private final UUID familyId = UUID.randomUUID();
    private final UUID conferenceId = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final Caller teacher = Caller.staff(UUID.randomUUID(), "Ann Teacher", school, Set.of(StaffRole.CHAIR));
    private final String action = UUID.randomUUID().toString();

    private final InMemoryAccess access = new InMemoryAccess().agencyWorksWith(school, familyId);
    private boolean ownsThePlan = true;
    /** How many more times this node is told it owns the plan (for a plan that moves between two questions). */
    private int ownedForQuestions = Integer.MAX_VALUE;
    private RoomState room = RoomState.empty();
    /** What reached the writer's queue: nothing else is stored. */
    private final List<PlanWriter.Pending> queued = new ArrayList<>();
    /** The plans whose rooms were told to reconnect (a write failed, or was called off). */
    private final List<Object> roomsToldToReconnect = new ArrayList<>();

    private final LivePlanService service = new LivePlanService();

    ChangesSentToTheOwnerTest() throws ReflectiveOperationException {
        String goal = UUID.randomUUID().toString();
        set("store", new PlanStore() {
            @Override
            public Loaded load(UUID family, int history) {
                var document = PlanStandIns.oneGoalOneAction(goal, "Getting to school", action, "Walk to school");
                return new Loaded(UUID.randomUUID(), family, document, 5, List.of(), List.of(), "hash", Set.of());
            }

            @Override
            public void changeIds(UUID plan, Consumer<String> each) {
            }
        });
        set("nodes", PlanStandIns.nodeOwningWhile(() -> ownsThePlan && ownedForQuestions-- > 0));
        set("policy", access.policy());
        set("editPolicy", new PlanEditPolicy());
        set("writer", new PlanWriter() {
            @Override
            public void enqueue(Pending pending) {
                queued.add(pending);
            }
        });
        set("roomStates", new RoomStates() {
            @Override
            public RoomState room(UUID id) {
                return id.equals(conferenceId) ? room : RoomState.empty();
            }

            @Override
            public RoomState updateRoom(UUID id, UnaryOperator<RoomState> change) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Presence> presence(UUID id) {
                return Map.of();
            }

            @Override
            public void putPresence(UUID id, String connectionId, Presence entry) {
            }

            @Override
            public void removePresence(UUID id, String connectionId) {
            }
        });
        set("clock", Clock.systemUTC());
        set("applied", (jakarta.enterprise.event.Event<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {jakarta.enterprise.event.Event.class}, (proxy, method, args) -> null));
        set("writeFailed", (jakarta.enterprise.event.Event<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {jakarta.enterprise.event.Event.class}, (proxy, method, args) -> {
                    roomsToldToReconnect.add(args[0]);
                    return null;
                }));
        set("scheduler", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        // The take-back after StoredChange.WAIT: these tests end before it is due.
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ScheduledFuture.class},
                                (f, m, a) -> m.getReturnType() == boolean.class ? Boolean.TRUE : null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
        set("executor", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    private void set(String field, Object value) throws ReflectiveOperationException {
        InjectedFields.set(service, field, value);
    }

    private PlanChange typing(String changeId) {
        return typing(changeId, "conn-9");
    }

    private PlanChange typing(String changeId, String connection) {
        var words = TextOperation.builder().retain("Walk to school".length()).insert(" together").build();
        return new PlanChange(changeId, connection, 5, List.of(new EditText(action, PlanField.DESCRIPTION, words)));
    }

    /** The writer stores what it was given, in order. */
    private void writerStoresAll() {
        for (var pending : queued) {
            pending.onDurable().accept(pending, List.of());
        }
    }

    private static long inTime() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    }

    @Test
    void a_live_change_begun_in_time_by_the_owner_is_queued_to_be_stored() {
        service.submitHere(true, teacher, familyId, conferenceId, typing("c-1"), inTime());

        assertEquals(1, queued.size());
        assertEquals("c-1", queued.get(0).change().changeId());
    }

    @Test
    void a_live_change_not_begun_by_its_deadline_is_not_applied_so_the_sender_never_hears_of_it_after_giving_up() {
        long passed = System.nanoTime() - 1;

        var refused = assertThrows(PlanNotStored.class, () -> service.submitHere(true, teacher, familyId, conferenceId, typing("c-2"), passed));

        assertTrue(refused.getMessage().contains("Nothing was applied"), refused.getMessage());
        assertEquals(List.of(), queued);
        assertEquals(5, service.withPlan(familyId, LivePlanService.LivePlan::revision));
    }

    @Test
    void a_change_that_reaches_the_plans_lock_after_the_plan_moved_to_another_node_is_not_applied() {
        service.withPlan(familyId, LivePlanService.LivePlan::revision);
        ownsThePlan = false;

        var refused = assertThrows(PlanNotStored.class, () -> service.submitHere(true, teacher, familyId, conferenceId, typing("c-3"), inTime()));

        assertEquals(PlansAcrossNodes.MOVED, refused.getMessage());
        assertEquals(List.of(), queued);
    }

    @Test
    void a_change_made_on_a_node_that_stopped_owning_the_plan_a_moment_ago_is_not_applied_there() {
        service.withPlan(familyId, LivePlanService.LivePlan::revision);
        // It owns the plan when the change arrives, and no longer once it has the plan's lock (this node is stopping, say).
        ownedForQuestions = 1;

        var refused = assertThrows(PlanNotStored.class, () -> service.submitLive(teacher, familyId, conferenceId, typing("c-13")));

        assertEquals(PlansAcrossNodes.MOVED, refused.getMessage(), "its client reconnects and settles it with the new owner");
        assertEquals(List.of(), queued, "a second writer would be refused by the database, and the room sent reconnecting");
    }

    @Test
    void a_stopping_node_hands_its_plans_over_only_once_what_it_took_for_them_is_stored() throws Exception {
        service.submitLive(teacher, familyId, conferenceId, typing("c-14"));
        var storedAt = new java.util.concurrent.atomic.AtomicLong();
        var storing = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            storedAt.set(System.nanoTime());
            writerStoresAll();
        });
        storing.start();
        // PlanOwnership#leave: this node owns nothing from now on.
        ownsThePlan = false;
        var handedOver = service.storeBeforeHandingOver(10_000);
        long returnedAt = System.nanoTime();
        storing.join();

        assertEquals(new LivePlanService.HandedOver(1, true), handedOver);
        assertTrue(storedAt.get() != 0 && storedAt.get() < returnedAt, "it returned only once the writer had stored the change");
    }

    @Test
    void what_a_stopping_nodes_slow_writer_has_not_stored_when_its_wait_is_up_is_never_written() {
        service.submitLive(teacher, familyId, conferenceId, typing("c-16"));
        ownsThePlan = false;

        assertEquals(new LivePlanService.HandedOver(1, false), service.storeBeforeHandingOver(50));

        // Written after the next owner read the plan, it could land after that owner told its client it was not applied.
        assertFalse(queued.get(0).current().getAsBoolean(), "the writer skips it");
        assertEquals(1, roomsToldToReconnect.size(), "and the plan's rooms are told to reconnect and resend");
    }

    @Test
    void a_live_change_from_someone_a_private_part_begun_on_another_node_keeps_out_is_refused() {
        room = RoomState.empty().withPrivatePart(UUID.randomUUID().toString());
        access.keptOutOfPlan(teacher.id(), familyId);

        assertThrows(AccessDenied.class, () -> service.submitHere(true, teacher, familyId, conferenceId, typing("c-4"), inTime()));

        assertEquals(List.of(), queued);
    }

    @Test
    void a_live_change_from_someone_inside_the_running_private_part_is_queued() {
        room = RoomState.empty().withPrivatePart(UUID.randomUUID().toString());

        service.submitHere(true, teacher, familyId, conferenceId, typing("c-5"), inTime());

        assertEquals(1, queued.size());
    }

    @Test
    void the_records_are_asked_about_private_parts_only_when_the_room_shows_one_running() {
        // The records say kept out (a part of another of the family's conferences, say); this room has none running.
        access.keptOutOfPlan(teacher.id(), familyId);

        service.submitHere(true, teacher, familyId, conferenceId, typing("c-6"), inTime());

        assertEquals(1, queued.size(), "a change from a room with no private part running costs no query of the records");
    }

    @Test
    void a_change_still_on_its_way_when_its_client_reconnected_is_never_applied_after_the_welcome_said_it_was_not() {
        // She reconnected on conn-10 and listed c-7 in flight; her old connection's c-7 reaches the owner only now.
        service.settleInFlight(teacher, familyId, List.of("c-7"), "conn-10");

        var refused = assertThrows(PlanNotStored.class, () -> service.submitHere(true, teacher, familyId, conferenceId, typing("c-7"), inTime()));

        assertTrue(refused.getMessage().contains("Nothing was applied"), refused.getMessage());
        assertEquals(List.of(), queued);
        assertEquals(5, service.withPlan(familyId, LivePlanService.LivePlan::revision));
    }

    @Test
    void the_same_change_sent_again_on_the_new_connection_is_applied_and_the_old_ones_copy_is_then_a_duplicate() {
        service.settleInFlight(teacher, familyId, List.of("c-8"), "conn-10");

        service.submitHere(true, teacher, familyId, conferenceId, typing("c-8", "conn-10"), inTime());
        writerStoresAll();
        var late = service.submitHere(true, teacher, familyId, conferenceId, typing("c-8"), inTime());

        assertEquals(1, queued.size());
        assertEquals(new PlanAuthority.Duplicate(6), late.join());
    }

    @Test
    void a_change_applied_before_its_client_reconnected_is_left_to_be_named_in_the_welcome() {
        service.submitLive(teacher, familyId, conferenceId, typing("c-9"));
        writerStoresAll();

        service.settleInFlight(teacher, familyId, List.of("c-9"), "conn-10");

        assertEquals(Long.valueOf(6), service.<Long>withPlan(familyId, plan -> plan.appliedRevision("c-9")));
        // Its old connection's resend is recognised, not refused.
        assertEquals(new PlanAuthority.Duplicate(6), service.submitHere(true, teacher, familyId, conferenceId, typing("c-9"), inTime()).join());
    }

    @Test
    void no_one_can_settle_another_persons_change_in_flight() {
        var other = Caller.staff(UUID.randomUUID(), "Bo Nurse", school, Set.of());
        // Someone else lists the teacher's change id as their own in a hello.
        service.settleInFlight(other, familyId, List.of("c-11"), "conn-66");

        service.submitHere(true, teacher, familyId, conferenceId, typing("c-11"), inTime());

        assertEquals(1, queued.size(), "the teacher's own change is applied");
    }

    @Test
    void a_settle_that_reaches_the_plans_lock_after_the_plan_moved_away_settles_nothing() {
        service.withPlan(familyId, LivePlanService.LivePlan::revision);
        ownsThePlan = false;

        var refused = assertThrows(PlanNotStored.class, () -> service.settleHere(teacher, familyId, List.of("c-12"), "conn-10", inTime()));

        assertEquals(PlansAcrossNodes.MOVED, refused.getMessage());
        ownsThePlan = true;
        service.submitHere(true, teacher, familyId, conferenceId, typing("c-12"), inTime());
        assertEquals(1, queued.size(), "not fenced: the welcome on the new owner settles it there");
    }

    @Test
    void a_hello_whose_plans_owner_died_while_it_asked_is_settled_where_the_plan_is_now() throws Exception {
        ownsThePlan = false;
        var asked = new ArrayList<String>();
        set("nodes", new PlansAcrossNodes() {
            @Override
            boolean ownsHere(UUID family) {
                return ownsThePlan;
            }

            @Override
            void settleOnTheOwner(Caller caller, UUID family, List<String> changeIds, String clientId, long waitMillis) {
                asked.add(clientId);
                // The owner was killed: the cluster gives its plans to this node.
                ownsThePlan = true;
                throw PlansAcrossNodes.notAnswered(PlansAcrossNodes.Asked.SETTLE, "stopped");
            }
        });

        service.settleInFlight(teacher, familyId, List.of("c-13"), "conn-10");

        assertEquals(List.of("conn-10"), asked);
        assertThrows(PlanNotStored.class, () -> service.submitHere(true, teacher, familyId, conferenceId, typing("c-13"), inTime()),
                "settled here, on the plan's new owner");
        assertEquals(List.of(), queued);
    }

    @Test
    void a_settle_is_done_only_once_the_change_queued_before_it_is_stored_so_a_welcome_anywhere_can_name_it() {
        service.submitLive(teacher, familyId, conferenceId, typing("c-14"));

        var settled = service.settleHere(teacher, familyId, List.of("c-14"), "conn-10", null);

        assertFalse(settled.isDone(), "the change is queued, not yet stored");
        writerStoresAll();
        assertTrue(settled.isDone());
        assertEquals(Long.valueOf(6), service.<Long>withPlan(familyId, plan -> plan.appliedRevision("c-14")));
    }

    @Test
    void a_fence_outlasts_the_plan_being_read_again() {
        service.settleInFlight(teacher, familyId, List.of("c-15"), "conn-10");
        // Let go (idle, or a write failed): read again from the database on the next change.
        service.evict(familyId);

        assertThrows(PlanNotStored.class, () -> service.submitHere(true, teacher, familyId, conferenceId, typing("c-15"), inTime()));

        assertEquals(List.of(), queued);
    }
}
