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
 * the domain's RoomState and Presence; this class only keeps them.
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
        String json = update(rooms, conferenceId.toString(),
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
        update(presence, conferenceId.toString(), old -> {
            var map = new LinkedHashMap<>(old == null ? Map.<String, Presence>of() : JSON.fromJson(old, PresenceMap.class).connections());
            map.put(connectionId, entry);
            return JSON.toJson(new PresenceMap(map));
        });
    }

    @Override
    public void removePresence(UUID conferenceId, String connectionId) {
        update(presence, conferenceId.toString(), old -> {
            if (old == null) {
                return null;
            }
            var map = new LinkedHashMap<>(JSON.fromJson(old, PresenceMap.class).connections());
            map.remove(connectionId);
            return map.isEmpty() ? null : JSON.toJson(new PresenceMap(map));
        });
    }

    /**
     * Changes one entry atomically by compare-and-set, retried when another writer came first.
     * Not compute(): on the HA server these caches are replicated, and a lambda cannot travel to
     * the node that owns the key. Null from the change removes the entry.
     */
    private static String update(ConcurrentMap<String, String> cache, String key, UnaryOperator<String> change) {
        while (true) {
            String old = cache.get(key);
            String next = change.apply(old);
            boolean done;
            if (old == null) {
                done = next == null || cache.putIfAbsent(key, next) == null;
            } else if (next == null) {
                done = cache.remove(key, old);
            } else {
                done = cache.replace(key, old, next);
            }
            if (done) {
                return next;
            }
        }
    }
}
