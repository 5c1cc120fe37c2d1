package org.roundtable.conference.application.room;

import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;

/**
 * What the room rules need from the conference's record: its agenda, and its private parts
 * (recorded with who, when and why). The server's is {@link ConferenceRoomRecords}; the rules'
 * tests keep them in memory.
 */
public interface RoomRecords {

    /** Refuses (ResourceNotFound) an agenda item the conference does not have. */
    void requireAgendaItem(UUID conferenceId, UUID itemId);

    /** Records a private part beginning and returns its id; refuses what the record refuses (a second part, an outsider kept out). */
    UUID startPrivatePart(Caller chair, UUID conferenceId, Set<UUID> excluded, String reason, String familyText);

    /** Records the running private part ending; refuses when none is running. */
    void endPrivatePart(Caller chair, UUID conferenceId);

    /** Records the running private part ending with no chair left to end it (their node left the cluster); nothing when none runs. */
    void endPrivatePartWithoutAChair(UUID conferenceId);

    boolean privatePartRunning(UUID conferenceId);
}
