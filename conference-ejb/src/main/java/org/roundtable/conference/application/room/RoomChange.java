package org.roundtable.conference.application.room;

import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.room.RoomState;

/**
 * What a room rule did: the room's state after it, and what the room is to be told. The live
 * side turns {@link #told} into messages, each as its viewer may see it.
 */
public record RoomChange(UUID conferenceId, RoomState state, Told told) {

    /** What everyone in the room is told of the change. */
    public sealed interface Told {
    }

    /** A participant's hand went up or down (as the room's state now says). */
    public record HandChanged(String participantId) implements Told {
    }

    /** The agenda moved. */
    public record AgendaMoved(String agendaItemId) implements Told {
    }

    /** A private part began: those it keeps out are sent nothing of the plan until it ends. */
    public record PrivatePartBegan(UUID privatePartId, Set<UUID> keptOut) implements Told {
    }

    /** The private part ended: those who were kept out catch up. */
    public record PrivatePartEnded() implements Told {
    }
}
