package org.roundtable.conference.application;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.StaffRole;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanJson;

/**
 * What the nodes of a cluster tell each other about plans (PlansAcrossNodes), as text for the
 * signals cache: a change sent to the plan's owner, the owner's answer, a change the owner
 * stored, a signature given, and a reconnecting client's changes in flight to settle. The text is JSON (for a stored change, a line of JSON and then
 * the operations' JSON) with lone surrogates escaped (an edit made code unit by code unit may
 * carry half an emoji), so it travels as plain ASCII where it matters.
 */
final class PlanMessages {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, a quarter of a node's CPU under load. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PlanMessages() {
    }

    /**
     * A change made on node {@code from} for the plan {@code to} owns; {@code live} says which
     * decision of access applies, and {@code conferenceId} (a live change only; null from a node
     * of an earlier version) the room it was made in, whose private part the owner checks too.
     */
    record Submit(String requestId, String from, String to, boolean live, UUID familyId, UUID conferenceId, Caller caller, PlanChange change) {
    }

    /**
     * A sign-off asked for on node {@code from}, for the owner {@code to} to record under the
     * plan's lock: only there does the signature meet every change in order (see PlansAcrossNodes).
     */
    record Sign(String requestId, String from, String to, UUID familyId, UUID conferenceId, Caller caller, UUID actionId,
            String contentHash) {
    }

    /**
     * A client said {@code hello} on node {@code from} with these changes in flight: the owner
     * {@code to} settles them before the welcome (LivePlanService#settleInFlight), so that one not
     * applied by then is never applied from the client's earlier connection. {@code caller} is who
     * reconnected, {@code clientId} their new connection.
     */
    record Settle(String requestId, String from, String to, UUID familyId, Caller caller, List<String> changeIds, String clientId) {
    }

    /** The owner's answer to a {@link Submit}, a {@link Sign} or a {@link Settle}, for the node it came from. */
    record Reply(String requestId, String to, Answer answer) {
    }

    sealed interface Answer permits Applied, Duplicate, Refused, NotStored, Signature, Settled {
    }

    /** The changes in flight are settled: each is stored, or can no longer be applied but from the new connection. */
    record Settled() implements Answer {
    }

    /** The sign-off was recorded. */
    record Signature() implements Answer {
    }

    /** Stored as this change (rewritten against what came before it). */
    record Applied(PlanChange change) implements Answer {
    }

    /** Already applied earlier, at this revision (and stored by now). */
    record Duplicate(long revision) implements Answer {
    }

    /** Refused, nothing applied: {@code kind} names the refusal (see PlansAcrossNodes), {@code detail} its reason or field. */
    record Refused(String kind, String detail, String message) implements Answer {
    }

    /** Accepted but not stored (the owner's write failed or it stopped waiting): send it again. */
    record NotStored(String message) implements Answer {
    }

    /**
     * A change the owner stored: what every other node applies to its copy and sends its rooms.
     * {@code operations} is the change's operations as text, as stored and as the rooms are sent.
     */
    record Stored(UUID familyId, PlanChange change, String authorName, String operations, String hash, Set<String> voided) {
    }

    /** A signature was given on some node: every copy of the plan must know, so an edit after it voids it. */
    record Signed(UUID familyId, String actionId) {
    }

    static String text(Submit s) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("requestId", s.requestId()).add("from", s.from()).add("to", s.to())
                .add("live", s.live()).add("familyId", s.familyId().toString());
        if (s.conferenceId() != null) {
            b.add("conferenceId", s.conferenceId().toString());
        }
        return text(b.add("caller", caller(s.caller())).add("change", change(s.change())));
    }

    static Submit submit(String text) {
        JsonObject o = json(text);
        String conferenceId = o.getString("conferenceId", null);
        return new Submit(o.getString("requestId"), o.getString("from"), o.getString("to"), o.getBoolean("live"),
                UUID.fromString(o.getString("familyId")), conferenceId == null ? null : UUID.fromString(conferenceId),
                caller(o.getJsonObject("caller")), change(o.getJsonObject("change")));
    }

    static String text(Reply r) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("requestId", r.requestId()).add("to", r.to());
        Answer answer = r.answer();
        if (answer instanceof Applied a) {
            b.add("answer", "applied").add("change", change(a.change()));
        } else if (answer instanceof Duplicate d) {
            b.add("answer", "duplicate").add("revision", d.revision());
        } else if (answer instanceof Refused f) {
            b.add("answer", "refused").add("kind", f.kind()).add("detail", nullable(f.detail())).add("message", nullable(f.message()));
        } else if (answer instanceof NotStored n) {
            b.add("answer", "not-stored").add("message", nullable(n.message()));
        } else if (answer instanceof Signature) {
            b.add("answer", "signed");
        } else if (answer instanceof Settled) {
            b.add("answer", "settled");
        }
        return text(b);
    }

    static Reply reply(String text) {
        JsonObject o = json(text);
        Answer answer = switch (o.getString("answer")) {
            case "applied" -> new Applied(change(o.getJsonObject("change")));
            case "duplicate" -> new Duplicate(o.getJsonNumber("revision").longValueExact());
            case "refused" -> new Refused(o.getString("kind"), optional(o, "detail"), optional(o, "message"));
            case "not-stored" -> new NotStored(optional(o, "message"));
            case "signed" -> new Signature();
            case "settled" -> new Settled();
            default -> throw new IllegalArgumentException("unknown answer " + o.getString("answer"));
        };
        return new Reply(o.getString("requestId"), o.getString("to"), answer);
    }

    /**
     * Sent once for every change stored, so written by hand, not built as a JSON tree: a line of
     * JSON with everything but the operations, then the operations' text as the owner stored it
     * (JSON with lone surrogates escaped, so a line of its own). The receiver reads the line, and
     * takes the text as it is rather than writing it again: writing and reading this message as
     * JSON trees took 18% of a JFR profile of a node under load (2026-12-03; JFR's own cost
     * inflated every share of it).
     */
    static String text(Stored s) {
        PlanChange change = s.change();
        var b = new StringBuilder(256 + s.operations().length()).append("{\"familyId\":\"").append(s.familyId())
                .append("\",\"changeId\":").append(PlanJson.quote(change.changeId()))
                .append(",\"clientId\":").append(PlanJson.quote(change.clientId()))
                .append(",\"revision\":").append(change.revision())
                .append(",\"authorName\":").append(PlanJson.quote(s.authorName()))
                .append(",\"hash\":").append(PlanJson.quote(s.hash()))
                .append(",\"voided\":[");
        String comma = "";
        for (String actionId : s.voided().stream().sorted().toList()) {
            b.append(comma).append(PlanJson.quote(actionId));
            comma = ",";
        }
        return b.append("]}\n").append(s.operations()).toString();
    }

    static Stored stored(String text) {
        int end = text.indexOf('\n');
        if (end < 0) {
            return storedAsBefore(text);
        }
        JsonObject o = json(text.substring(0, end));
        String operations = text.substring(end + 1);
        JsonValue ops;
        try (var reader = JSON.createReader(new StringReader(operations))) {
            ops = reader.readValue();
        }
        var change = new PlanChange(o.getString("changeId"), o.getString("clientId"), o.getJsonNumber("revision").longValueExact(),
                PlanJson.operations(ops));
        return new Stored(UUID.fromString(o.getString("familyId")), change, optional(o, "authorName"), operations, o.getString("hash"),
                voided(o));
    }

    /** As nodes wrote it before this form (2026-12-03): one JSON object, the change in it, the operations' text in it or not. */
    private static Stored storedAsBefore(String text) {
        JsonObject o = json(text);
        PlanChange change = change(o.getJsonObject("change"));
        String operations = o.containsKey("operations") ? o.getString("operations") : PlanJson.operationsText(change.operations());
        return new Stored(UUID.fromString(o.getString("familyId")), change, optional(o, "authorName"), operations, o.getString("hash"),
                voided(o));
    }

    private static Set<String> voided(JsonObject o) {
        return o.getJsonArray("voided").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toUnmodifiableSet());
    }

    static String text(Sign s) {
        return text(JSON.createObjectBuilder().add("requestId", s.requestId()).add("from", s.from()).add("to", s.to())
                .add("familyId", s.familyId().toString()).add("conferenceId", s.conferenceId().toString()).add("caller", caller(s.caller()))
                .add("actionId", s.actionId().toString()).add("contentHash", s.contentHash()));
    }

    static Sign sign(String text) {
        JsonObject o = json(text);
        return new Sign(o.getString("requestId"), o.getString("from"), o.getString("to"), UUID.fromString(o.getString("familyId")),
                UUID.fromString(o.getString("conferenceId")), caller(o.getJsonObject("caller")), UUID.fromString(o.getString("actionId")),
                o.getString("contentHash"));
    }

    static String text(Settle s) {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        s.changeIds().forEach(ids::add);
        return text(JSON.createObjectBuilder().add("requestId", s.requestId()).add("from", s.from()).add("to", s.to())
                .add("familyId", s.familyId().toString()).add("caller", caller(s.caller())).add("changeIds", ids)
                .add("clientId", s.clientId()));
    }

    static Settle settle(String text) {
        JsonObject o = json(text);
        return new Settle(o.getString("requestId"), o.getString("from"), o.getString("to"), UUID.fromString(o.getString("familyId")),
                caller(o.getJsonObject("caller")), o.getJsonArray("changeIds").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList(), o.getString("clientId"));
    }

    static String text(Signed s) {
        return text(JSON.createObjectBuilder().add("familyId", s.familyId().toString()).add("actionId", s.actionId()));
    }

    static Signed signed(String text) {
        JsonObject o = json(text);
        return new Signed(UUID.fromString(o.getString("familyId")), o.getString("actionId"));
    }

    private static JsonObjectBuilder caller(Caller c) {
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        c.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        return JSON.createObjectBuilder().add("kind", c.kind().name()).add("id", c.id().toString())
                .add("displayName", nullable(c.displayName())).add("agencyId", nullable(c.agencyId()))
                .add("familyId", nullable(c.familyId())).add("roles", roles);
    }

    private static Caller caller(JsonObject o) {
        Set<StaffRole> roles = o.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(r -> StaffRole.valueOf(r.getString())).collect(Collectors.toUnmodifiableSet());
        return new Caller(CallerKind.valueOf(o.getString("kind")), UUID.fromString(o.getString("id")), optional(o, "displayName"),
                optionalId(o, "agencyId"), optionalId(o, "familyId"), roles);
    }

    private static JsonObjectBuilder change(PlanChange c) {
        return JSON.createObjectBuilder().add("changeId", c.changeId()).add("clientId", c.clientId()).add("revision", c.revision())
                .add("ops", PlanJson.toJson(c.operations()));
    }

    private static PlanChange change(JsonObject o) {
        return new PlanChange(o.getString("changeId"), o.getString("clientId"), o.getJsonNumber("revision").longValueExact(),
                PlanJson.operations(o.get("ops")));
    }

    private static JsonValue nullable(Object value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value.toString());
    }

    private static String optional(JsonObject o, String name) {
        return o.isNull(name) ? null : o.getString(name);
    }

    private static UUID optionalId(JsonObject o, String name) {
        String value = optional(o, name);
        return value == null ? null : UUID.fromString(value);
    }

    private static String text(JsonObjectBuilder b) {
        return PlanJson.escapeLoneSurrogates(b.build().toString());
    }

    private static JsonObject json(String text) {
        try (var reader = JSON.createReader(new StringReader(Objects.requireNonNull(text)))) {
            return reader.readObject();
        }
    }
}
