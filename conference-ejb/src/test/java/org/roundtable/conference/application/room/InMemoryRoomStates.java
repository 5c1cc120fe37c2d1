package org.roundtable.conference.application.room;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.conference.domain.model.room.RoomStates;

/** Rooms' state and presence in plain maps, as the Infinispan caches hold them on a server. */
final class InMemoryRoomStates implements RoomStates {

    private final Map<UUID, RoomState> rooms = new HashMap<>();
    private final Map<UUID, Map<String, Presence>> presence = new HashMap<>();

    @Override
    public RoomState room(UUID conferenceId) {
        return rooms.getOrDefault(conferenceId, RoomState.empty());
    }

    @Override
    public RoomState updateRoom(UUID conferenceId, UnaryOperator<RoomState> change) {
        return rooms.compute(conferenceId, (id, old) -> change.apply(old == null ? RoomState.empty() : old));
    }

    @Override
    public Map<String, Presence> presence(UUID conferenceId) {
        return Map.copyOf(presence.getOrDefault(conferenceId, Map.of()));
    }

    @Override
    public void putPresence(UUID conferenceId, String connectionId, Presence entry) {
        presence.computeIfAbsent(conferenceId, id -> new LinkedHashMap<>()).put(connectionId, entry);
    }

    @Override
    public void removePresence(UUID conferenceId, String connectionId) {
        presence.getOrDefault(conferenceId, new HashMap<>()).remove(connectionId);
    }
}
