package org.roundtable.conference.domain.model.room;

import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Where rooms' state and presence are kept, shared by every connection to a conference. The
 * server keeps them in Infinispan (infrastructure.cache); the room rules' tests in memory.
 */
public interface RoomStates {

    /** The room's state now (empty when nothing has happened in it). */
    RoomState room(UUID conferenceId);

    /** Changes a room's state atomically and returns the new state. */
    RoomState updateRoom(UUID conferenceId, UnaryOperator<RoomState> change);

    /** Who is connected to the room, keyed by connection id. */
    Map<String, Presence> presence(UUID conferenceId);

    void putPresence(UUID conferenceId, String connectionId, Presence entry);

    void removePresence(UUID conferenceId, String connectionId);
}
