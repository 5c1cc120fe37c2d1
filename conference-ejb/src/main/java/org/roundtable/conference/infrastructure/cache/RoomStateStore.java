package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.conference.domain.model.room.RoomStates;

/**
 * Live room state in the Infinispan caches that wildfly-config defines (container "roundtable"):
 * room-state holds each conference's agenda position, raised hands and running private part;
 * presence holds who is connected and where they are typing. Values are JSON strings, so the
 * caches can become replicated across a cluster without any marshalling schema. The values are
 * the domain's RoomState and Presence; this class only keeps them, and beside each connection's
 * presence the node that holds the connection (jboss.node.name), so that the survivors of a node
 * that died can take its people out of the rooms ({@link #removeConnectionsOf}). Every change is
 * a compare-and-set ({@link CompareAndSet}), given up with an exception when other writers win
 * the race a hundred times in a row.
 */
@ApplicationScoped
public class RoomStateStore implements RoomStates {

    /**
     * The presence map of one conference, keyed by connection id, and the node that holds each
     * connection (none for an entry written before nodes were recorded).
     */
    public record PresenceMap(Map<String, Presence> connections, Map<String, String> nodes) {
        public PresenceMap {
            connections = connections == null ? Map.of() : Map.copyOf(connections);
            nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
        }

        /** This connection is here now, held by that node. */
        PresenceMap with(String connectionId, Presence entry, String node) {
            var people = new LinkedHashMap<>(connections);
            people.put(connectionId, entry);
            var held = new LinkedHashMap<>(nodes);
            held.put(connectionId, node);
            return new PresenceMap(people, held);
        }

        PresenceMap without(Set<String> connectionIds) {
            var people = new LinkedHashMap<>(connections);
            var held = new LinkedHashMap<>(nodes);
            people.keySet().removeAll(connectionIds);
            held.keySet().removeAll(connectionIds);
            return new PresenceMap(people, held);
        }

        /**
         * The connections held by these nodes (nodes that left the cluster: nobody can close
         * those connections any more). A connection whose node is not known is never among them.
         */
        public Map<String, Presence> heldBy(Set<String> goneNodes) {
            var ghosts = new LinkedHashMap<String, Presence>();
            connections.forEach((id, p) -> {
                String node = nodes.get(id);
                if (node != null && goneNodes.contains(node)) {
                    ghosts.put(id, p);
                }
            });
            return ghosts;
        }

        boolean hasNobody() {
            return connections.isEmpty();
        }
    }

    /** A connection taken out of a room because the node that held it left the cluster. */
    public record Departed(UUID conferenceId, String connectionId, Presence presence) {
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/room-state")
    private ConcurrentMap<String, String> rooms;

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/presence")
    private ConcurrentMap<String, String> presence;

    /** This node's name in the cluster (jboss.node.name; on one node, whatever WildFly named it). */
    private final String node = System.getProperty("jboss.node.name", "");

    @Override
    public RoomState room(UUID conferenceId) {
        String json = rooms.get(conferenceId.toString());
        return json == null ? RoomState.empty() : JSON.fromJson(json, RoomState.class);
    }

    @Override
    public RoomState updateRoom(UUID conferenceId, UnaryOperator<RoomState> change) {
        String json = CompareAndSet.update(rooms, conferenceId.toString(),
                old -> JSON.toJson(change.apply(old == null ? RoomState.empty() : JSON.fromJson(old, RoomState.class))));
        return JSON.fromJson(json, RoomState.class);
    }

    @Override
    public Map<String, Presence> presence(UUID conferenceId) {
        String json = presence.get(conferenceId.toString());
        return json == null ? Map.of() : JSON.fromJson(json, PresenceMap.class).connections();
    }

    @Override
    public void putPresence(UUID conferenceId, String connectionId, Presence entry) {
        CompareAndSet.update(presence, conferenceId.toString(), old -> JSON.toJson(presenceMap(old).with(connectionId, entry, node)));
    }

    @Override
    public void removePresence(UUID conferenceId, String connectionId) {
        CompareAndSet.update(presence, conferenceId.toString(), old -> {
            if (old == null) {
                return null;
            }
            PresenceMap left = presenceMap(old).without(Set.of(connectionId));
            return left.hasNobody() ? null : JSON.toJson(left);
        });
    }

    /**
     * Takes every connection the given nodes held out of the rooms, and returns those this call
     * took out. Each room is changed by compare-and-set, so when every surviving node does this
     * at once, each connection is taken out, and returned, by exactly one of them.
     */
    public List<Departed> removeConnectionsOf(Set<String> goneNodes) {
        var departed = new ArrayList<Departed>();
        for (String conference : List.copyOf(presence.keySet())) {
            var ghosts = new LinkedHashMap<String, Presence>();
            CompareAndSet.update(presence, conference, old -> {
                ghosts.clear();
                if (old == null) {
                    return null;
                }
                PresenceMap map = presenceMap(old);
                ghosts.putAll(map.heldBy(goneNodes));
                if (ghosts.isEmpty()) {
                    return old;
                }
                PresenceMap left = map.without(ghosts.keySet());
                return left.hasNobody() ? null : JSON.toJson(left);
            });
            UUID conferenceId = UUID.fromString(conference);
            ghosts.forEach((connectionId, p) -> departed.add(new Departed(conferenceId, connectionId, p)));
        }
        return departed;
    }

    private static PresenceMap presenceMap(String json) {
        return json == null ? new PresenceMap(null, null) : JSON.fromJson(json, PresenceMap.class);
    }
}
