package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who owns a plan while nodes start and stop: every node works it out alike from the key's
 * owners in the topology's order (the primary first), allowing only the members that serve (their
 * own entry in the serving set) and have not said they are stopping.
 */
class PlanOwnershipTest {

    /** A member of the topology as Infinispan names it, with the id of its address (a new one for each run of the node). */
    record Member(String name, String id) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Member A = new Member("node-a", "a1");
    private static final Member B = new Member("node-b", "b1");
    private static final Member C = new Member("node-c", "c1");
    private static final List<Member> KEY_OWNERS = List.of(B, C, A);

    /** The serving set as a node reads it, entry by entry. */
    private static java.util.function.Function<String, String> entries(Map<String, String> entries) {
        return entries::get;
    }

    private static PlanOwnership.Owners owners(Set<Object> serving, Set<Object> stopping) {
        return new PlanOwnership.Owners(serving, stopping);
    }

    @Test
    void the_primary_owns_a_plan_while_it_serves() {
        assertEquals(B, PlanOwnership.ownerAmong(KEY_OWNERS, owners(Set.of(A, B, C), Set.of())));
    }

    @Test
    void a_node_that_does_not_serve_gives_way_to_the_next_owner_in_the_topologys_order() {
        assertEquals(C, PlanOwnership.ownerAmong(KEY_OWNERS, owners(Set.of(A, C), Set.of())));
        assertEquals(A, PlanOwnership.ownerAmong(KEY_OWNERS, owners(Set.of(A), Set.of(B, C))));
    }

    @Test
    void when_no_owner_serves_a_node_still_starting_is_chosen_before_one_stopping_and_the_last_one_standing_keeps_its_plans() {
        assertEquals(C, PlanOwnership.ownerAmong(KEY_OWNERS, owners(Set.of(), Set.of(B))), "node-c will listen soon; node-b never again");
        assertEquals(B, PlanOwnership.ownerAmong(KEY_OWNERS, owners(Set.of(), Set.of())), "the first node up, before it serves");
        assertEquals(B, PlanOwnership.ownerAmong(KEY_OWNERS, owners(Set.of(), Set.of(A, B, C))), "the last node standing");
    }

    @Test
    void a_node_whose_caches_joined_but_whose_application_has_not_said_it_serves_may_own_no_plan() {
        var worked = PlanOwnership.owners(List.of(A, B, C), m -> ((Member) m).id(), entries(Map.of("node-a", "run-1 a1", "node-b", "run-1 b1")),
                Map.of());
        assertEquals(Set.of(A, B), worked.serving());
    }

    @Test
    void a_node_started_again_under_the_same_name_is_not_covered_by_its_earlier_runs_entry() {
        Member cAgain = new Member("node-c", "c2");
        var worked = PlanOwnership.owners(List.of(A, B, cAgain), m -> ((Member) m).id(),
                entries(Map.of("node-a", "run-1 a1", "node-b", "run-1 b1", "node-c", "run-1 c1")), Map.of());
        assertEquals(Set.of(A, B), worked.serving(), "node-c's new run has not said it serves yet");

        var hungAndReplaced = PlanOwnership.owners(List.of(A, B, C, cAgain), m -> ((Member) m).id(),
                entries(Map.of("node-a", "run-1 a1", "node-b", "run-1 b1", "node-c", "run-2 c2")), Map.of());
        assertEquals(Set.of(A, B, cAgain), hungAndReplaced.serving(), "the replacement serves; the hung one it replaced does not");
    }

    @Test
    void a_node_that_said_it_is_stopping_is_passed_over_while_that_run_is_the_one_serving() {
        var stopping = PlanOwnership.owners(List.of(A, B), m -> ((Member) m).id(), entries(Map.of("node-a", "run-1 a1", "node-b", "run-1 b1")),
                Map.of("node-b", "run-1"));
        assertEquals(Set.of(A), stopping.serving());
        assertEquals(Set.of(B), stopping.stopping());

        Member bAgain = new Member("node-b", "b2");
        var back = PlanOwnership.owners(List.of(A, bAgain), m -> ((Member) m).id(), entries(Map.of("node-a", "run-1 a1", "node-b", "run-2 b2")),
                Map.of("node-b", "run-1"));
        assertEquals(Set.of(A, bAgain), back.serving(), "its next run serves: the stopping word of the run before is old news");
    }

    /** This node, in a cluster of three, told of who owns what anew each time (the plans here are looked at again). */
    private final List<ClusterMembersChanged> told = new ArrayList<>();
    private final List<Member> members = new ArrayList<>(List.of(A, B, C));
    private final Map<String, String> serving = new HashMap<>(Map.of("node-a", "run-1 a1", "node-b", "run-1 b1", "node-c", "run-1 c1"));
    private final PlanOwnership ownership = new PlanOwnership() {
        @Override
        public Set<String> members() {
            return Set.copyOf(members.stream().map(Member::name).toList());
        }

        @Override
        List<?> memberList() {
            return List.copyOf(members);
        }

        @Override
        boolean clustered() {
            return true;
        }

        @Override
        String entryOf(String node) {
            return serving.get(node);
        }

        @Override
        String idOfMember(Object member) {
            return ((Member) member).id();
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
        ownership.reconsider();
    }

    @Test
    void hearing_that_a_node_is_stopping_tells_this_node_that_owners_changed_once() {
        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertTrue(ownership.isLeaving("node-b"));
        assertEquals(Set.of(A, C), ownership.owners().serving());
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
        assertTrue(ownership.isLeaving("node-b"));
        Member bAgain = new Member("node-b", "b2");
        members.set(1, bAgain);
        assertTrue(ownership.reconsider(), "the old run has gone");
        assertFalse(ownership.owners().serving().contains(bAgain), "not while its entry is the old run's");

        serving.put("node-b", "run-2 b2");
        assertTrue(ownership.reconsider(), "node-b owns plans again: the plans here are looked at again");
        assertTrue(ownership.owners().serving().contains(bAgain));
        assertFalse(ownership.isLeaving("node-b"));
        assertFalse(ownership.reconsider(), "nothing changed since");
    }

    @Test
    void a_stopping_nodes_word_that_arrives_after_its_next_run_serves_is_old_news() {
        serving.put("node-b", "run-2 b1");
        ownership.reconsider();

        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));

        assertFalse(ownership.isLeaving("node-b"), "else the nodes would disagree about its plans until it stops again");
        assertEquals(List.of(), told);
        // Had the word been kept, it would count once run-1's entry came back (as it never does): check it was not.
        serving.put("node-b", "run-1 b1");
        ownership.reconsider();
        assertFalse(ownership.isLeaving("node-b"), "the word was not kept");
    }

    @Test
    void a_stopping_nodes_word_that_arrives_after_it_left_the_cluster_is_not_kept() {
        members.remove(B);

        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b run-1"));
        assertEquals(List.of(), told);

        // Had the word been kept, node-b would count as stopping once it is back with the same run's entry.
        members.add(B);
        ownership.reconsider();
        assertFalse(ownership.isLeaving("node-b"), "nothing would clear it before node-b is back, and owns plans again");
    }

    @Test
    void a_word_without_a_run_is_ignored() {
        ownership.hear(new ClusterSignal(PlanOwnership.LEAVING, "node-b"));

        assertFalse(ownership.isLeaving("node-b"));
        assertEquals(List.of(), told);
    }

    @Test
    void a_node_that_joins_may_own_nothing_until_it_serves_then_owners_change_once() {
        assertFalse(ownership.reconsider(), "every node serves, as before");
        Member d = new Member("node-d", "d1");
        members.add(d);
        assertFalse(ownership.owners().serving().contains(d), "passed over from the first moment, before anyone looked again");
        assertFalse(ownership.reconsider(), "looked at again, nothing changed: it was never on the list");

        serving.put("node-d", "run-1 d1");

        assertTrue(ownership.reconsider(), "node-d may own plans now");
        assertTrue(ownership.owners().serving().contains(d));
    }

    private static void set(Object bean, String field, Object value) throws ReflectiveOperationException {
        Field f = PlanOwnership.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(bean, value);
    }
}
