package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * the domain's RoomState and Presence; this class only keeps them. Every change is a
 * compare-and-set ({@link CompareAndSet}), given up with an exception when other writers win the
 * race a hundred times in a row.
 */
@ApplicationScoped
public class RoomStateStore implements RoomStates {

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
        CompareAndSet.update(presence, conferenceId.toString(), old -> {
            var map = new LinkedHashMap<>(old == null ? Map.<String, Presence>of() : JSON.fromJson(old, PresenceMap.class).connections());
            map.put(connectionId, entry);
            return JSON.toJson(new PresenceMap(map));
        });
    }

    @Override
    public void removePresence(UUID conferenceId, String connectionId) {
        CompareAndSet.update(presence, conferenceId.toString(), old -> {
            if (old == null) {
                return null;
            }
            var map = new LinkedHashMap<>(JSON.fromJson(old, PresenceMap.class).connections());
            map.remove(connectionId);
            return map.isEmpty() ? null : JSON.toJson(new PresenceMap(map));
        });
    }
}
