package org.roundtable.conference.domain.model.room;

import java.util.ArrayList;
import java.util.List;

/**
 * What a conference's room is now, shared by everyone in it: the agenda item being discussed,
 * the raised hands (invitee ids, in the order they went up) and the running private part (its
 * id, or null). A value: every change makes a new one.
 */
public record RoomState(String agendaItemId, List<String> hands, String privatePartId) {

    public RoomState {
        hands = hands == null ? List.of() : List.copyOf(hands);
    }

    public static RoomState empty() {
        return new RoomState(null, List.of(), null);
    }

    /** A hand goes up at the end of the queue; one already up keeps its place. */
    public RoomState withHandRaised(String inviteeId) {
        if (hands.contains(inviteeId)) {
            return this;
        }
        var raised = new ArrayList<>(hands);
        raised.add(inviteeId);
        return new RoomState(agendaItemId, raised, privatePartId);
    }

    public RoomState withHandLowered(String inviteeId) {
        return new RoomState(agendaItemId, hands.stream().filter(h -> !h.equals(inviteeId)).toList(), privatePartId);
    }

    public RoomState atAgendaItem(String itemId) {
        return new RoomState(itemId, hands, privatePartId);
    }

    /** With this private part running (null: none). */
    public RoomState withPrivatePart(String id) {
        return new RoomState(agendaItemId, hands, id);
    }
}
