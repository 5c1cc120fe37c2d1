package org.roundtable.conference.application.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.application.LiveRoomService;
import org.roundtable.conference.domain.model.access.Caller;

/** The room's record in the database, through LiveRoomService (which checks the caller against current data). */
@ApplicationScoped
public class ConferenceRoomRecords implements RoomRecords {

    @Inject
    private LiveRoomService rooms;

    @Override
    public void requireAgendaItem(UUID conferenceId, UUID itemId) {
        rooms.requireAgendaItem(conferenceId, itemId);
    }

    @Override
    public UUID startPrivatePart(Caller chair, UUID conferenceId, Set<UUID> excluded, String reason, String familyText) {
        return rooms.startPrivatePart(chair, conferenceId, excluded, reason, familyText).id();
    }

    @Override
    public void endPrivatePart(Caller chair, UUID conferenceId) {
        rooms.endPrivatePart(chair, conferenceId);
    }

    @Override
    public void endPrivatePartWithoutAChair(UUID conferenceId) {
        rooms.endPrivatePartWithoutAChair(conferenceId);
    }

    @Override
    public boolean privatePartRunning(UUID conferenceId) {
        return rooms.running(conferenceId).isPresent();
    }
}
