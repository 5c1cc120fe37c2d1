package org.roundtable.conference.interfaces.live;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.roundtable.conference.application.view.CommentView;
import org.roundtable.conference.application.view.ParticipantView;
import org.roundtable.conference.application.view.SignOffView;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.protocol.LiveProtocol;

/** The server's messages of the live protocol, as JSON text. See docs/protocol.md. */
final class ServerMessages {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ServerMessages() {
    }

    /**
     * Written by hand: this is the message sent most (every change, to everyone in the room), and
     * the operations come already encoded from the change log when they are at hand.
     */
    static String applied(PlanChange change, String authorName, String operationsJson) {
        String ops = operationsJson != null ? operationsJson : PlanJson.operationsText(change.operations());
        return new StringBuilder(96 + ops.length()).append("{\"type\":\"applied\",\"changeId\":").append(PlanJson.quote(change.changeId()))
                .append(",\"clientId\":").append(PlanJson.quote(change.clientId())).append(",\"revision\":").append(change.revision())
                .append(",\"author\":").append(PlanJson.quote(authorName)).append(",\"ops\":").append(ops).append('}').toString();
    }


    static String ack(String changeId, long revision) {
        return JSON.createObjectBuilder().add("type", "ack").add("changeId", changeId).add("revision", revision).build().toString();
    }

    static String error(String code, String message, String ref) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "error").add("code", code).add("message", message);
        if (ref != null) {
            b.add("ref", ref);
        }
        return b.build().toString();
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    /**
     * The first message after hello: who you are, the plan (whole, or the changes you missed),
     * the room and the comments you may read. A participant kept out of a private part gets no plan.
     */
    static String welcome(String connectionId, ParticipantView you, long revision, PlanDocument plan, List<PlanChange> missed,
            Map<String, Long> applied, String room, List<CommentView> comments, boolean onlyOwnActions) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "welcome").add("v", LiveProtocol.VERSION)
                .add("connectionId", connectionId)
                .add("you", JSON.createObjectBuilder().add("participantId", you.inviteeId().toString())
                        .add("name", you.name()).add("role", you.role().name()))
                .add("revision", revision).add("onlyOwnActions", onlyOwnActions);
        if (plan != null) {
            b.add("plan", PlanJson.toJson(plan));
        }
        if (missed != null) {
            b.add("missed", changes(missed));
        }
        if (applied != null) {
            // Of the changes the client said were pending, those applied and at which revision.
            b.add("applied", appliedAt(applied));
        }
        b.add("room", JSON.createReader(new StringReader(room)).readObject());
        JsonArrayBuilder list = JSON.createArrayBuilder();
        comments.forEach(c -> list.add(comment(c)));
        b.add("comments", list);
        return PlanJson.escapeLoneSurrogates(b.build().toString());
    }

    /**
     * The plan (whole, or the changes missed) for someone who was kept out of a private part when
     * it ends; or the plan as they may now see it, when the family changed what it shares with
     * their agency (then with the comments they may now read, or null: those they have stand).
     * {@code applied} (1.4, with a whole plan only, or null): the client's change in flight that
     * this plan already holds, and its revision, because its own {@code applied} will not come.
     */
    static String sync(long revision, PlanDocument plan, List<PlanChange> missed, boolean onlyOwnActions, List<CommentView> comments,
            Map<String, Long> applied) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "sync").add("revision", revision)
                .add("onlyOwnActions", onlyOwnActions);
        if (plan != null) {
            b.add("plan", PlanJson.toJson(plan));
            if (applied != null && !applied.isEmpty()) {
                b.add("applied", appliedAt(applied));
            }
        } else {
            b.add("missed", changes(missed));
        }
        if (comments != null) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            comments.forEach(c -> list.add(comment(c)));
            b.add("comments", list);
        }
        return PlanJson.escapeLoneSurrogates(b.build().toString());
    }

    /** Change ids and the revisions they were applied at, as {@code welcome.applied} and {@code sync.applied} carry them. */
    private static JsonObjectBuilder appliedAt(Map<String, Long> applied) {
        JsonObjectBuilder done = JSON.createObjectBuilder();
        applied.forEach(done::add);
        return done;
    }

    private static JsonArrayBuilder changes(List<PlanChange> missed) {
        JsonArrayBuilder changes = JSON.createArrayBuilder();
        missed.forEach(c -> changes.add(JSON.createObjectBuilder().add("changeId", c.changeId()).add("clientId", c.clientId())
                .add("revision", c.revision()).add("ops", PlanJson.toJson(c.operations()))));
        return changes;
    }

    static String commentMessage(CommentView c) {
        return JSON.createObjectBuilder().add("type", "comment").add("comment", comment(c)).build().toString();
    }

    private static JsonObjectBuilder comment(CommentView c) {
        return JSON.createObjectBuilder().add("id", c.id().toString()).add("nodeId", c.nodeId().toString())
                .add("author", c.authorName()).add("text", c.body()).add("private", c.madeInPrivate())
                .add("at", c.createdAt().toString());
    }

    /** One person in the room, on one connection (a person with two tabs open is there twice). */
    private static JsonObjectBuilder participant(String connectionId, Presence p, RoomState state, boolean viewerExcluded) {
        JsonObjectBuilder person = JSON.createObjectBuilder().add("connectionId", connectionId).add("participantId", p.inviteeId())
                .add("name", p.name()).add("role", p.role()).add("handRaised", state.hands().contains(p.inviteeId()));
        if (p.editingNodeId() != null && !viewerExcluded) {
            person.add("editing", JSON.createObjectBuilder().add("id", p.editingNodeId()).add("field", p.editingField()));
        } else {
            person.addNull("editing");
        }
        return person;
    }

    /**
     * A change of who is in the room, sent instead of the whole room: someone joined or moved
     * where they type ({@code presence} given), or left (null). Its size does not grow with the room.
     */
    static String presence(String connectionId, Presence presence, RoomState state, boolean viewerExcluded) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "presence").add("connectionId", connectionId);
        if (presence == null) {
            b.addNull("participant");
        } else {
            b.add("participant", participant(connectionId, presence, state, viewerExcluded));
        }
        return b.build().toString();
    }

    /**
     * The room as this participant may see it: who is here and where they type, the agenda
     * item, raised hands, and the private part (its reason and who is out only for those in it).
     */
    static String room(RoomState state, Map<String, Presence> presence, String privateReason,
            List<String> excludedNames, boolean viewerExcluded) {
        JsonArrayBuilder people = JSON.createArrayBuilder();
        presence.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Presence> e) -> e.getValue().name())
                        .thenComparing(e -> e.getValue().inviteeId()).thenComparing(Map.Entry::getKey))
                .forEach(e -> people.add(participant(e.getKey(), e.getValue(), state, viewerExcluded)));
        JsonArrayBuilder hands = JSON.createArrayBuilder();
        state.hands().forEach(hands::add);
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "room").add("participants", people).add("hands", hands);
        if (state.agendaItemId() == null) {
            b.addNull("agendaItemId");
        } else {
            b.add("agendaItemId", state.agendaItemId());
        }
        addPrivatePart(b, state.privatePartId(), privateReason, excludedNames, viewerExcluded);
        return b.build().toString();
    }

    /** The private part as this participant may see it: its reason and who is out only for those in it. */
    private static void addPrivatePart(JsonObjectBuilder b, String privatePartId, String privateReason, List<String> excludedNames,
            boolean viewerExcluded) {
        if (privatePartId == null) {
            b.addNull("privatePart");
        } else if (viewerExcluded) {
            b.add("privatePart", JSON.createObjectBuilder().add("running", true).add("youAreExcluded", true));
        } else {
            JsonArrayBuilder out = JSON.createArrayBuilder();
            excludedNames.forEach(out::add);
            b.add("privatePart", JSON.createObjectBuilder().add("running", true).add("youAreExcluded", false)
                    .add("reason", privateReason).add("excluded", out));
        }
    }

    /** 1.2: one participant's hand went up or down; the same few bytes however big the room. */
    static String hand(String participantId, boolean raised) {
        return JSON.createObjectBuilder().add("type", "hand").add("participantId", participantId).add("raised", raised).build().toString();
    }

    /** 1.2: the agenda moved to this item. */
    static String agenda(String agendaItemId) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "agenda");
        return (agendaItemId == null ? b.addNull("agendaItemId") : b.add("agendaItemId", agendaItemId)).build().toString();
    }

    /** 1.2: a private part began or ended (null id), as this participant may see it. */
    static String privatePart(String privatePartId, String privateReason, List<String> excludedNames, boolean viewerExcluded) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "privatePart");
        addPrivatePart(b, privatePartId, privateReason, excludedNames, viewerExcluded);
        return b.build().toString();
    }

    /** The sign-off of the room's conference: each action's state and who signed it. */
    static String signOff(SignOffView view) {
        JsonArrayBuilder actions = JSON.createArrayBuilder();
        for (var a : view.actions()) {
            JsonObjectBuilder b = JSON.createObjectBuilder().add("actionId", a.actionId().toString()).add("state", a.state().name());
            if (a.signedBy() != null) {
                b.add("signedBy", a.signedBy()).add("signedAt", a.signedAt().toString());
            }
            if (a.voidReason() != null) {
                b.add("voidReason", a.voidReason());
            }
            actions.add(b);
        }
        return JSON.createObjectBuilder().add("type", "signoff").add("v", LiveProtocol.VERSION)
                .add("planRevision", view.planRevision()).add("actions", actions).build().toString();
    }
}
