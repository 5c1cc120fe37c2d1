package org.roundtable.conference.application.room;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.application.access.RoomAccess;
import org.roundtable.conference.application.LiveRoomService.PrivatePartView;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.view.ParticipantView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.conference.domain.model.room.RoomStates;
import org.roundtable.shared.domain.InviteeRole;

/**
 * The rules of a live room: who may raise, lower and clear hands, move the agenda and start or
 * end a private part, what the room becomes when they do, and what each viewer is shown of a
 * private part. The live side only turns messages into these calls and their answers into
 * messages; whether the caller may be in the room at all is checked before (LiveRoomService.join).
 */
@Dependent
public class RoomRules {

    private final RoomStates states;
    private final RoomRecords records;

    @Inject
    public RoomRules(RoomStates states, RoomRecords records) {
        this.states = states;
        this.records = records;
    }

    public RoomState room(UUID conferenceId) {
        return states.room(conferenceId);
    }

    /** Who is in the room now (on any node), keyed by connection id. */
    public Map<String, Presence> presence(UUID conferenceId) {
        return states.presence(conferenceId);
    }

    /** Someone came in on this connection, typing nowhere yet. */
    public Presence arrived(ParticipantView who, String connectionId) {
        return typing(who, connectionId, null, null);
    }

    /** Where someone types now (nodeId null: nowhere). */
    public Presence typing(ParticipantView who, String connectionId, String nodeId, String field) {
        var now = new Presence(who.inviteeId().toString(), who.name(), who.role().name(), nodeId, field);
        states.putPresence(who.conferenceId(), connectionId, now);
        return now;
    }

    public void left(UUID conferenceId, String connectionId) {
        states.removePresence(conferenceId, connectionId);
    }

    public RoomChange raiseHand(ParticipantView who) {
        String me = who.inviteeId().toString();
        return new RoomChange(who.conferenceId(), states.updateRoom(who.conferenceId(), s -> s.withHandRaised(me)),
                new RoomChange.HandChanged(me));
    }

    /** Anyone lowers their own hand; only the chair someone else's ({@link #clearHand}). */
    public RoomChange lowerHand(ParticipantView who) {
        return lower(who.conferenceId(), who.inviteeId().toString());
    }

    public RoomChange clearHand(ParticipantView chair, String participantId) {
        requireChair(chair);
        return lower(chair.conferenceId(), participantId);
    }

    private RoomChange lower(UUID conferenceId, String participantId) {
        return new RoomChange(conferenceId, states.updateRoom(conferenceId, s -> s.withHandLowered(participantId)),
                new RoomChange.HandChanged(participantId));
    }

    /** Only the chair moves the agenda, and only to an item of this conference's agenda. */
    public RoomChange moveAgenda(ParticipantView chair, String itemId) {
        requireChair(chair);
        records.requireAgendaItem(chair.conferenceId(), uuid(itemId));
        return new RoomChange(chair.conferenceId(), states.updateRoom(chair.conferenceId(), s -> s.atAgendaItem(itemId)),
                new RoomChange.AgendaMoved(itemId));
    }

    /** Only the chair starts a private part; it is recorded first, then the room shows it running. */
    public RoomChange startPrivatePart(Caller caller, ParticipantView chair, List<String> excludedIds, String reason, String familyText) {
        requireChair(chair);
        Set<UUID> excluded = new HashSet<>();
        excludedIds.forEach(id -> excluded.add(uuid(id)));
        UUID id = records.startPrivatePart(caller, chair.conferenceId(), excluded, reason, familyText);
        return new RoomChange(chair.conferenceId(), states.updateRoom(chair.conferenceId(), s -> s.withPrivatePart(id.toString())),
                new RoomChange.PrivatePartBegan(id, Set.copyOf(excluded)));
    }

    public RoomChange endPrivatePart(Caller caller, ParticipantView chair) {
        requireChair(chair);
        return end(caller, chair.conferenceId());
    }

    private RoomChange end(Caller chair, UUID conferenceId) {
        records.endPrivatePart(chair, conferenceId);
        return new RoomChange(conferenceId, states.updateRoom(conferenceId, s -> s.withPrivatePart(null)), new RoomChange.PrivatePartEnded());
    }

    /**
     * A connection left. A private part must not outlive its chair (the family is kept out of its
     * own plan while it runs): when the last chair has gone and a part is running, the caller is
     * to wait {@link #privatePartGrace()} for a chair to come back, then call {@link #endUnlessAChairCameBack}.
     */
    public boolean waitForAChair(ParticipantView leaving) {
        return leaving.isChair() && !chairPresent(leaving.conferenceId()) && states.room(leaving.conferenceId()).privatePartId() != null;
    }

    /**
     * As {@link #waitForAChair(ParticipantView)}, for a connection taken out of the room because
     * the node that held it left the cluster (all that is known of them is their presence). Then
     * call {@link #endUnlessAChairCameBack(UUID)}: no session of theirs is left to act as.
     */
    public boolean waitForAChair(UUID conferenceId, Presence leaving) {
        return InviteeRole.CHAIR.name().equals(leaving.role()) && !chairPresent(conferenceId)
                && states.room(conferenceId).privatePartId() != null;
    }

    /** After the grace period, for a chair whose node left the cluster: the private part ends, by the server, unless a chair is back. */
    public Optional<RoomChange> endUnlessAChairCameBack(UUID conferenceId) {
        if (chairPresent(conferenceId) || !records.privatePartRunning(conferenceId)) {
            return Optional.empty();
        }
        records.endPrivatePartWithoutAChair(conferenceId);
        return Optional.of(new RoomChange(conferenceId, states.updateRoom(conferenceId, s -> s.withPrivatePart(null)),
                new RoomChange.PrivatePartEnded()));
    }

    /** After the grace period: the private part ends, as the chair who left, unless a chair is back (on any node). */
    public Optional<RoomChange> endUnlessAChairCameBack(Caller chairWhoLeft, UUID conferenceId) {
        if (chairPresent(conferenceId) || !records.privatePartRunning(conferenceId)) {
            return Optional.empty();
        }
        return Optional.of(end(chairWhoLeft, conferenceId));
    }

    /** How long a private part waits for its chair to come back: roundtable.live.private-part-grace-seconds (15). */
    public static Duration privatePartGrace() {
        return Duration.ofSeconds(Long.getLong("roundtable.live.private-part-grace-seconds", 15));
    }

    /** Whether a chair is in the room now, on this node or another (presence is shared). */
    private boolean chairPresent(UUID conferenceId) {
        return states.presence(conferenceId).values().stream().anyMatch(p -> InviteeRole.CHAIR.name().equals(p.role()));
    }

    /** Whether a running private part keeps this viewer out (then they are shown only that one is running). */
    public static boolean keptOut(ParticipantView viewer, Optional<PrivatePartView> privatePart) {
        return privatePart.map(p -> p.excluded().contains(viewer.inviteeId())).orElse(false);
    }

    /** A family member or advocate inside a private part reads what the family is told, never the professionals' reason. */
    public static Optional<PrivatePartView> asSeenBy(ParticipantView viewer, Optional<PrivatePartView> privatePart) {
        return viewer.role().joinsByInvitation() ? privatePart.map(PrivatePartView::asTheFamilySeesIt) : privatePart;
    }

    private static void requireChair(ParticipantView who) {
        RoomAccess.requireChair(who.role());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFound("item with id " + id);
        }
    }
}
