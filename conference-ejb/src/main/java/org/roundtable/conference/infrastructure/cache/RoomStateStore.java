package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * Live room state in the Infinispan caches that wildfly-config defines (container "roundtable"):
 * room-state holds each conference's agenda position, raised hands and running private part;
 * presence holds who is connected and where they are typing. Values are JSON strings, so the
 * caches can become replicated across a cluster without any marshalling schema.
 */
@ApplicationScoped
public class RoomStateStore {

    /** A conference's shared state. Hands are invitee ids in the order they were raised. */
    public record RoomState(String agendaItemId, List<String> hands, String privatePartId) {
        public RoomState {
            hands = hands == null ? List.of() : List.copyOf(hands);
        }

        public static RoomState empty() {
            return new RoomState(null, List.of(), null);
        }
    }

    /** One open connection: who it is and where they are typing (both editing fields null when nowhere). */
    public record Presence(String inviteeId, String name, String role, String editingNodeId, String editingField) {
    }

    /** The presence map of one conference, keyed by connection id. */
    public record PresenceMap(Map<String, Presence> connections) {
        public PresenceMap {
            connections = connections == null ? Map.of() : Map.copyOf(connections);
        }
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/room-state")
    private ConcurrentMap<String, String> rooms;

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/presence")
    private ConcurrentMap<String, String> presence;

    public RoomState room(UUID conferenceId) {
        String json = rooms.get(conferenceId.toString());
        return json == null ? RoomState.empty() : JSON.fromJson(json, RoomState.class);
    }

    /** Changes a room's state atomically and returns the new state. */
    public RoomState updateRoom(UUID conferenceId, UnaryOperator<RoomState> change) {
        String json = rooms.compute(conferenceId.toString(),
                (key, old) -> JSON.toJson(change.apply(old == null ? RoomState.empty() : JSON.fromJson(old, RoomState.class))));
        return JSON.fromJson(json, RoomState.class);
    }

    public Map<String, Presence> presence(UUID conferenceId) {
        String json = presence.get(conferenceId.toString());
        return json == null ? Map.of() : JSON.fromJson(json, PresenceMap.class).connections();
    }

    public void putPresence(UUID conferenceId, String connectionId, Presence entry) {
        presence.compute(conferenceId.toString(), (key, old) -> {
            var map = new LinkedHashMap<>(old == null ? Map.<String, Presence>of() : JSON.fromJson(old, PresenceMap.class).connections());
            map.put(connectionId, entry);
            return JSON.toJson(new PresenceMap(map));
        });
    }

    public void removePresence(UUID conferenceId, String connectionId) {
        presence.computeIfPresent(conferenceId.toString(), (key, old) -> {
            var map = new LinkedHashMap<>(JSON.fromJson(old, PresenceMap.class).connections());
            map.remove(connectionId);
            return map.isEmpty() ? null : JSON.toJson(new PresenceMap(map));
        });
    }
}
