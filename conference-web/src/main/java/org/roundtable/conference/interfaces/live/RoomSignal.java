package org.roundtable.conference.interfaces.live;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Something that happened in a room on one node, told to the other nodes (ClusterSignals, topic
 * {@link #TOPIC}) so that each sends it to its own connections in that room. It says what
 * happened, not the message: each node writes the messages for its own viewers as the node
 * where it happened did, re-reading the replicated room state and presence (so two quick
 * changes end the same everywhere, whatever order their signals arrive in). Only a comment
 * carries its message, which is the same for everyone who may read it.
 *
 * @param conferenceId the room (null for a sign-off, which is about every room of a family)
 * @param familyId the family (a sign-off only)
 * @param subject whose hand; which private part; which connection; which goal or action the comment is on
 * @param ids who a private part keeps out (invitee ids); which actions' sign-off changed
 * @param message a comment's message
 */
record RoomSignal(Kind kind, UUID conferenceId, UUID familyId, String subject, Set<String> ids, String message) {

    static final String TOPIC = "room";

    private static final JsonProvider JSON = JsonProvider.provider();

    enum Kind {
        /** A hand went up or down (subject: the participant): as the room's state says now. */
        HAND,
        /** The agenda moved: to where the room's state says now. */
        AGENDA,
        /** A private part began (subject: its id; ids: who it keeps out). */
        PRIVATE_PART_BEGAN,
        /** The private part ended. */
        PRIVATE_PART_ENDED,
        /** Someone arrived, moved where they type, or left (subject: the connection): as presence says now. */
        PRESENCE,
        /** A comment (subject: the goal or action it is on; message: the comment message). */
        COMMENT,
        /** The sign-off of the family's conferences changed (ids: which actions). */
        SIGN_OFF,
        /** Signalling for one connection of the call (subject: it; message: what to send it, if it is in the call and may talk). */
        RTC,
        /** Someone's sound and picture changed (subject: their connection; message: their media message). */
        MEDIA,
        /** Someone joined the call, or came back to it after a private part (as MEDIA; those in it answer with theirs). */
        MEDIA_JOINED
    }

    RoomSignal {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
    }

    static RoomSignal hand(UUID conferenceId, String participantId) {
        return new RoomSignal(Kind.HAND, conferenceId, null, participantId, null, null);
    }

    static RoomSignal agenda(UUID conferenceId) {
        return new RoomSignal(Kind.AGENDA, conferenceId, null, null, null, null);
    }

    static RoomSignal privatePartBegan(UUID conferenceId, UUID privatePartId, Set<UUID> keptOut) {
        var ids = new TreeSet<String>();
        keptOut.forEach(id -> ids.add(id.toString()));
        return new RoomSignal(Kind.PRIVATE_PART_BEGAN, conferenceId, null, privatePartId.toString(), ids, null);
    }

    static RoomSignal privatePartEnded(UUID conferenceId) {
        return new RoomSignal(Kind.PRIVATE_PART_ENDED, conferenceId, null, null, null, null);
    }

    static RoomSignal presence(UUID conferenceId, String connectionId) {
        return new RoomSignal(Kind.PRESENCE, conferenceId, null, connectionId, null, null);
    }

    static RoomSignal comment(UUID conferenceId, String nodeId, String message) {
        return new RoomSignal(Kind.COMMENT, conferenceId, null, nodeId, null, message);
    }

    static RoomSignal rtc(UUID conferenceId, String toConnectionId, String message) {
        return new RoomSignal(Kind.RTC, conferenceId, null, toConnectionId, null, message);
    }

    static RoomSignal media(UUID conferenceId, String fromConnectionId, String message, boolean joining) {
        return new RoomSignal(joining ? Kind.MEDIA_JOINED : Kind.MEDIA, conferenceId, null, fromConnectionId, null, message);
    }

    static RoomSignal signOff(UUID familyId, Set<String> actionIds) {
        return new RoomSignal(Kind.SIGN_OFF, null, familyId, null, actionIds, null);
    }

    /** Who a private part keeps out, as invitee ids. */
    Set<UUID> keptOut() {
        var out = new java.util.HashSet<UUID>();
        ids.forEach(id -> out.add(UUID.fromString(id)));
        return out;
    }

    /** The text sent to the other nodes: one small JSON object. */
    String text() {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("kind", kind.name());
        if (conferenceId != null) {
            b.add("conference", conferenceId.toString());
        }
        if (familyId != null) {
            b.add("family", familyId.toString());
        }
        if (subject != null) {
            b.add("subject", subject);
        }
        if (!ids.isEmpty()) {
            var array = JSON.createArrayBuilder();
            new TreeSet<>(ids).forEach(array::add);
            b.add("ids", array);
        }
        if (message != null) {
            b.add("message", message);
        }
        return b.build().toString();
    }

    /** Reads back what {@link #text()} wrote. */
    static RoomSignal parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            var ids = new TreeSet<String>();
            if (o.containsKey("ids")) {
                o.getJsonArray("ids").getValuesAs(JsonString.class).forEach(s -> ids.add(s.getString()));
            }
            return new RoomSignal(Kind.valueOf(o.getString("kind")), uuidOrNull(o, "conference"), uuidOrNull(o, "family"),
                    o.getString("subject", null), ids, o.getString("message", null));
        }
    }

    private static UUID uuidOrNull(JsonObject o, String name) {
        return o.containsKey(name) ? UUID.fromString(o.getString(name)) : null;
    }
}
