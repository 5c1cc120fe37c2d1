package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who owns a plan while nodes start and stop: every node works it out alike from the key's
 * owners in the topology's order (the primary first), passing over the nodes that do not serve
 * yet and those it heard are leaving.
 */
class PlanOwnershipTest {

    private static final List<String> OWNERS = List.of("node-b", "node-c", "node-a");

    @Test
    void the_primary_owns_a_plan_while_every_node_serves() {
        assertEquals("node-b", PlanOwnership.ownerAmong(OWNERS, Set.of()));
    }

    @Test
    void a_node_passed_over_gives_way_to_the_next_owner_in_the_topologys_order() {
        assertEquals("node-c", PlanOwnership.ownerAmong(OWNERS, Set.of("node-b")));
        assertEquals("node-a", PlanOwnership.ownerAmong(OWNERS, Set.of("node-b", "node-c")));
        assertEquals("node-b", PlanOwnership.ownerAmong(OWNERS, Set.of("node-c")), "a node passed over that is not first changes nothing");
    }

    @Test
    void when_no_owner_serves_the_primary_keeps_the_plan_as_the_first_node_up_or_the_last_one_standing() {
        assertEquals("node-b", PlanOwnership.ownerAmong(OWNERS, Set.of("node-a", "node-b", "node-c")));
    }

    @Test
    void a_node_whose_caches_joined_but_whose_application_has_not_said_it_serves_owns_no_plan() {
        assertEquals(Set.of("node-c"), PlanOwnership.passedOver(Set.of("node-a", "node-b", "node-c"),
                Map.of("node-a", "run-1", "node-b", "run-1"), Map.of()));
    }

    @Test
    void a_node_that_said_it_is_stopping_is_passed_over_while_that_run_is_the_one_serving() {
        assertEquals(Set.of("node-b"), PlanOwnership.passedOver(Set.of("node-a", "node-b"),
                Map.of("node-a", "run-1", "node-b", "run-1"), Map.of("node-b", "run-1")));
        assertEquals(Set.of(), PlanOwnership.passedOver(Set.of("node-a", "node-b"),
                Map.of("node-a", "run-1", "node-b", "run-2"), Map.of("node-b", "run-1")),
                "its next run serves: the stopping word of the run before is old news");
    }

    /** This node, in a cluster of three, told of who owns what anew each time (the plans here are looked at again). */
    private final List<ClusterMembersChanged> told = new ArrayList<>();
    private final Set<String> members = new HashSet<>(Set.of("node-a", "node-b", "node-c"));
    private final Map<String, String> serving = new HashMap<>(Map.of("node-a", "run-1", "node-b", "run-1", "node-c", "run-1"));
    private final PlanOwnership ownership = new PlanOwnership() {
        @Override
        public Set<String> members() {
            return Set.copyOf(members);
        }

        @Override
        boolean clustered() {
            return true;
        }

        @Override
        Map<String, String> servingRuns(Set<String> among) {
            var runs = new HashMap<>(serving);
            runs.keySet().retainAll(among);
            return runs;
        }
    };

    PlanOwnershipTest() throws ReflectiveOperationException {
        set(ownership, "lookedUp", true);
        set(ownership, "membersChanged", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        told.add((ClusterMembersChanged) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    @Test
    void hearing_that_a_node_is_stopping_tells_this_node_that_owners_changed_once() {
        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertTrue(ownership.isLeaving("node-b"));
        assertEquals(1, told.size(), "the plans here are looked at again");

        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertEquals(1, told.size(), "heard twice, changes nothing");

        ownership.hear(new ClusterSignal("access-changed", "node-c run-1"));
        assertFalse(ownership.isLeaving("node-c"), "another topic is not about who owns what");
        assertEquals(1, told.size());
    }

    @Test
    void a_node_restarted_under_the_same_name_owns_plans_again_once_its_new_run_serves() {
        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertEquals(1, told.size());

        assertTrue(ownership.isLeaving("node-b"));

        serving.put("node-b", "run-2");
        assertTrue(ownership.reconsider(), "node-b owns plans again: the plans here are looked at again");
        assertFalse(ownership.isLeaving("node-b"));
        assertFalse(ownership.reconsider(), "nothing changed since");
    }

    @Test
    void a_stopping_nodes_word_that_arrives_after_its_next_run_serves_is_old_news() {
        serving.put("node-b", "run-2");

        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));

        assertFalse(ownership.isLeaving("node-b"), "else the nodes would disagree about its plans until it stops again");
        assertEquals(List.of(), told);
    }

    @Test
    void a_stopping_nodes_word_that_arrives_after_it_left_the_cluster_is_not_kept() {
        members.remove("node-b");

        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));

        assertFalse(ownership.isLeaving("node-b"), "nothing would clear it before node-b is back, and owns plans again");
        assertEquals(List.of(), told);
    }

    @Test
    void a_word_without_a_run_is_ignored() {
        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b"));

        assertFalse(ownership.isLeaving("node-b"));
    }

    @Test
    void a_node_that_joins_is_passed_over_until_it_serves_then_owners_change_once() {
        assertFalse(ownership.reconsider(), "every node serves, as before");
        members.add("node-d");
        assertTrue(ownership.reconsider(), "node-d is passed over: the set changed");
        assertEquals(Set.of("node-d"), ownership.passedOver());
        assertFalse(ownership.reconsider());

        serving.put("node-d", "run-1");

        assertTrue(ownership.reconsider(), "node-d may own plans now");
        assertEquals(Set.of(), ownership.passedOver());
    }

    private static void set(Object bean, String field, Object value) throws ReflectiveOperationException {
        Field f = PlanOwnership.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(bean, value);
    }
}
