package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who owns a plan when a node says it is stopping: every node works it out alike from the key's
 * owners in the topology's order (the primary first) and the nodes it heard are leaving.
 */
class PlanOwnershipTest {

    private static final List<String> OWNERS = List.of("node-b", "node-c", "node-a");

    @Test
    void the_primary_owns_a_plan_while_no_node_is_leaving() {
        assertEquals("node-b", PlanOwnership.ownerAmong(OWNERS, Set.of()));
    }

    @Test
    void a_node_that_says_it_is_stopping_is_passed_over_for_the_next_owner_in_the_topologys_order() {
        assertEquals("node-c", PlanOwnership.ownerAmong(OWNERS, Set.of("node-b")));
        assertEquals("node-a", PlanOwnership.ownerAmong(OWNERS, Set.of("node-b", "node-c")));
        assertEquals("node-b", PlanOwnership.ownerAmong(OWNERS, Set.of("node-c")), "a node leaving that is not first changes nothing");
    }

    @Test
    void when_every_owner_is_leaving_the_primary_keeps_the_plan_as_the_last_node_standing() {
        assertEquals("node-b", PlanOwnership.ownerAmong(OWNERS, Set.of("node-a", "node-b", "node-c")));
    }

    /** This node, in a cluster of three, told of who owns what anew each time (the plans here are looked at again). */
    private final List<ClusterMembersChanged> told = new ArrayList<>();
    private final Set<String> members = new java.util.HashSet<>(Set.of("node-a", "node-b", "node-c"));
    private final PlanOwnership ownership = new PlanOwnership() {
        @Override
        public Set<String> members() {
            return Set.copyOf(members);
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
    void hearing_that_a_node_is_stopping_then_serving_again_tells_this_node_that_owners_changed_each_time() {
        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertTrue(ownership.isLeaving("node-b"));
        assertEquals(1, told.size(), "the plans here are looked at again");

        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertEquals(1, told.size(), "heard twice, changes nothing");

        ownership.hear(new ClusterSignal(PlanOwnership.SERVING, "node-b run-2"));
        assertFalse(ownership.isLeaving("node-b"), "a later run under its name may own plans again");
        assertEquals(2, told.size());

        ownership.hear(new ClusterSignal("access-changed", "node-c run-1"));
        assertFalse(ownership.isLeaving("node-c"), "another topic is not about who owns what");
        assertEquals(2, told.size());
    }

    @Test
    void a_stopping_nodes_word_that_arrives_after_its_run_began_again_is_old_news() {
        // node-b was restarted: its new run said it serves before its old run's last word was fired here.
        ownership.hear(new ClusterSignal(PlanOwnership.SERVING, "node-b run-2"));
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

    private static void set(Object bean, String field, Object value) throws ReflectiveOperationException {
        Field f = PlanOwnership.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(bean, value);
    }
}
