package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.room.Presence;

/** Who is left in a room by a node that died, and which nodes a new view of the cluster lost: no server needed. */
class GhostPresenceTest {

    private final Presence jess = new Presence("jess", "Jess Taylor", "FAMILY_MEMBER", null, null);
    private final Presence sam = new Presence("sam", "Sam Okafor", "AGENCY_STAFF", null, null);
    private final Presence priya = new Presence("priya", "Priya Shah", "CHAIR", null, null);

    @Test
    void the_connections_a_dead_node_held_are_ghosts_and_the_others_stay() {
        var room = new RoomStateStore.PresenceMap(null, null)
                .with("c1", jess, "node-a")
                .with("c2", sam, "node-b")
                .with("c3", priya, "node-b");
        assertEquals(Map.of("c2", sam, "c3", priya), room.heldBy(Set.of("node-b")));
        assertEquals(Map.of("c1", jess), room.without(room.heldBy(Set.of("node-b")).keySet()).connections());
        assertEquals(Map.of("c1", "node-a"), room.without(Set.of("c2", "c3")).nodes(), "the nodes go with their connections");
    }

    @Test
    void a_connection_whose_node_is_not_known_is_never_taken_for_a_ghost() {
        // Written before presence said which node holds a connection (a rolling upgrade).
        var room = new RoomStateStore.PresenceMap(Map.of("old", sam), null);
        assertEquals(Map.of(), room.heldBy(Set.of("node-a", "node-b")));
    }

    @Test
    void a_node_that_reconnects_to_a_room_is_held_by_its_new_node() {
        var room = new RoomStateStore.PresenceMap(null, null).with("c1", jess, "node-b").with("c1", jess, "node-a");
        assertEquals(Map.of(), room.heldBy(Set.of("node-b")));
    }

    @Test
    void a_view_without_a_node_the_last_one_had_says_it_left() {
        assertEquals(Set.of("node-b"), ClusterMembers.gone(List.of("node-a", "node-b"), List.of("node-a")));
        assertEquals(Set.of(), ClusterMembers.gone(List.of("node-a"), List.of("node-a", "node-b")), "a node joining is not a node leaving");
        assertEquals(Set.of("node-b", "node-c"), ClusterMembers.gone(List.of("node-a", "node-b", "node-c"), List.of("node-a", "node-d")));
    }
}
