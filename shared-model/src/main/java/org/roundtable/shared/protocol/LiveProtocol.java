package org.roundtable.shared.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.shared.plan.Limit;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.WellFormedText;

/**
 * Reading the live protocol's client messages (version {@value #VERSION}). Every way a message
 * can be wrong becomes a {@link ProtocolViolation} with a stable code; nothing is half-read.
 */
public final class LiveProtocol {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int VERSION = 1;
    /** The largest frame accepted, in characters: a long comment or a pasted paragraph fits. */
    public static final int MAX_FRAME = Limit.FRAME.value();
    public static final int MAX_OPERATIONS = Limit.OPERATIONS.value();
    public static final int MAX_COMMENT = Limit.COMMENT.value();

    private LiveProtocol() {
    }

    public static ClientMessage parse(String frame) {
        if (frame.length() > MAX_FRAME) {
            throw new ProtocolViolation("too-large", "Messages are limited to " + MAX_FRAME + " characters.");
        }
        if (nesting(frame) > Limit.NESTING.value()) {
            throw new ProtocolViolation("malformed", "Messages nest at most " + Limit.NESTING.value() + " levels deep.");
        }
        JsonObject o;
        try (var reader = JSON.createReader(new StringReader(frame))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new ProtocolViolation("malformed", "A message is a JSON object with a \"type\".");
            }
            o = object;
        } catch (JsonParsingException e) {
            throw new ProtocolViolation("malformed", "The message is not valid JSON.");
        } catch (JsonException e) {
            throw new ProtocolViolation("malformed", "The message is not valid JSON.");
        }
        if (!(o.get("type") instanceof JsonString typeName)) {
            throw new ProtocolViolation("unknown-type", "A message has a \"type\", a string naming what it is.");
        }
        String type = typeName.getString();
        try {
            return switch (type) {
                case "hello" -> hello(o);
                case "submit" -> submit(o);
                case "presence" -> presence(o);
                case "raiseHand" -> new ClientMessage.RaiseHand();
                case "lowerHand" -> new ClientMessage.LowerHand();
                case "comment" -> comment(o);
                case "moveAgenda" -> new ClientMessage.MoveAgenda(id(o, "itemId"));
                case "clearHand" -> new ClientMessage.ClearHand(id(o, "participantId"));
                case "startPrivate" -> startPrivate(o);
                case "endPrivate" -> new ClientMessage.EndPrivate();
                case "ping" -> new ClientMessage.Ping();
                case "rtc.offer" -> Signalling.description(ClientMessage.SignalKind.OFFER, o);
                case "rtc.answer" -> Signalling.description(ClientMessage.SignalKind.ANSWER, o);
                case "rtc.candidate" -> Signalling.candidate(o);
                case "rtc.hangup" -> new ClientMessage.Signal(ClientMessage.SignalKind.HANGUP, Signalling.to(o), null, null);
                case "media" -> Signalling.media(o);
                default -> throw new ProtocolViolation("unknown-type", "There is no message type '"
                        + (type.length() > 40 ? type.substring(0, 40) + "…" : type) + "'.");
            };
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
            throw new ProtocolViolation("invalid", e.getMessage() == null ? "The message has a field of the wrong kind." : e.getMessage());
        }
    }

    /** The revision is optional; a negative one is no revision a plan ever had. */
    private static ClientMessage hello(JsonObject o) {
        Long revision = null;
        if (o.containsKey("revision") && o.get("revision") != JsonValue.NULL) {
            revision = longValue(o, "revision");
            if (revision < 0) {
                throw new ProtocolViolation("invalid", "\"revision\" is 0 or more.");
            }
        }
        var pending = new ArrayList<String>();
        JsonValue listed = o.get("pending");
        if (listed != null && listed != JsonValue.NULL) {
            if (!(listed instanceof JsonArray array) || array.size() > Limit.PENDING.value()) {
                throw new ProtocolViolation("invalid", "\"pending\" lists at most " + Limit.PENDING.value() + " change ids.");
            }
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > Limit.CHANGE_ID.value()) {
                    throw new ProtocolViolation("invalid", "\"pending\" lists change ids.");
                }
                pending.add(s.getString());
            }
        }
        JsonValue.ValueType roomChanges = o.containsKey("roomChanges") ? o.get("roomChanges").getValueType() : JsonValue.ValueType.FALSE;
        if (roomChanges != JsonValue.ValueType.TRUE && roomChanges != JsonValue.ValueType.FALSE) {
            throw new ProtocolViolation("invalid", "\"roomChanges\" is true or false.");
        }
        return new ClientMessage.Hello(integer(o, "v"), revision, List.copyOf(pending), roomChanges == JsonValue.ValueType.TRUE);
    }

    private static ClientMessage submit(JsonObject o) {
        String changeId = string(o, "changeId");
        if (changeId.isBlank() || changeId.length() > Limit.CHANGE_ID.value()) {
            throw new ProtocolViolation("invalid", "changeId is 1 to " + Limit.CHANGE_ID.value() + " characters.");
        }
        requireWellFormed("changeId", changeId);
        JsonValue ops = o.get("ops");
        if (ops instanceof JsonArray array && array.size() > MAX_OPERATIONS) {
            throw new ProtocolViolation("too-large", "A change holds at most " + MAX_OPERATIONS + " operations.");
        }
        var operations = PlanJson.operations(ops);
        if (operations.isEmpty()) {
            throw new ProtocolViolation("invalid", "A change needs at least one operation.");
        }
        return new ClientMessage.Submit(changeId, longValue(o, "baseRevision"), operations);
    }

    private static ClientMessage presence(JsonObject o) {
        JsonValue editing = o.get("editing");
        if (editing == null || editing == JsonValue.NULL) {
            return new ClientMessage.Presence(null, null);
        }
        JsonObject e = editing.asJsonObject();
        String field = string(e, "field");
        if (field.length() > 20) {
            throw new ProtocolViolation("invalid", "\"field\" is one of the plan's fields.");
        }
        return new ClientMessage.Presence(id(e, "id"), PlanField.valueOf(field));
    }

    private static ClientMessage comment(JsonObject o) {
        String text = string(o, "text").strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new ProtocolViolation("invalid", "A comment is 1 to " + MAX_COMMENT + " characters.");
        }
        requireWellFormed("text", text);
        return new ClientMessage.Comment(id(o, "id"), text);
    }

    private static ClientMessage startPrivate(JsonObject o) {
        JsonValue excluded = o.get("excluded");
        if (!(excluded instanceof JsonArray array) || array.isEmpty() || array.size() > Limit.EXCLUDED.value()) {
            throw new ProtocolViolation("invalid", "Say who is excluded from the private part (1 to " + Limit.EXCLUDED.value() + ").");
        }
        var ids = new ArrayList<String>();
        for (JsonValue v : array) {
            String id = ((JsonString) v).getString();
            if (id.length() > Limit.ID.value()) {
                throw new ProtocolViolation("invalid", "Ids are at most " + Limit.ID.value() + " characters.");
            }
            ids.add(id);
        }
        String reason = string(o, "reason").strip();
        if (reason.isEmpty() || reason.length() > Limit.PRIVATE_REASON.value()) {
            throw new ProtocolViolation("invalid", "Give a reason for the private part (up to " + Limit.PRIVATE_REASON.value() + " characters).");
        }
        requireWellFormed("reason", reason);
        String familyText = null;
        if (o.containsKey("familyText") && !o.isNull("familyText")) {
            familyText = string(o, "familyText").strip();
            if (familyText.length() > Limit.PRIVATE_REASON.value()) {
                throw new ProtocolViolation("invalid", "What the family is told is up to " + Limit.PRIVATE_REASON.value() + " characters.");
            }
            requireWellFormed("familyText", familyText);
        }
        return new ClientMessage.StartPrivate(List.copyOf(ids), reason, familyText == null || familyText.isEmpty() ? null : familyText);
    }

    static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonString s)) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" must be a string.");
        }
        return s.getString();
    }

    /** An id: a string no longer than a UUID. */
    static String id(JsonObject o, String key) {
        String id = string(o, key);
        if (id.length() > Limit.ID.value()) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" is an id of at most " + Limit.ID.value() + " characters.");
        }
        return id;
    }

    private static void requireWellFormed(String key, String text) {
        String problem = WellFormedText.problem(text);
        if (problem != null) {
            throw new ProtocolViolation("invalid", "\"" + key + "\": " + problem);
        }
    }

    /** How deeply arrays and objects nest in a frame, counted before parsing (strings skipped). */
    static int nesting(String frame) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    static long longValue(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" must be a whole number.");
        }
        return n.longValueExact();
    }

    private static int integer(JsonObject o, String key) {
        return Math.toIntExact(longValue(o, key));
    }
}
