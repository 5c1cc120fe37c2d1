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
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;

/**
 * Reading the live protocol's client messages (version {@value #VERSION}). Every way a message
 * can be wrong becomes a {@link ProtocolViolation} with a stable code; nothing is half-read.
 */
public final class LiveProtocol {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int VERSION = 1;
    /** The largest frame accepted, in characters: a long comment or a pasted paragraph fits. */
    public static final int MAX_FRAME = 32 * 1024;
    public static final int MAX_OPERATIONS = 200;
    public static final int MAX_COMMENT = 2000;

    private LiveProtocol() {
    }

    public static ClientMessage parse(String frame) {
        if (frame.length() > MAX_FRAME) {
            throw new ProtocolViolation("too-large", "Messages are limited to " + MAX_FRAME + " characters.");
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
        String type = string(o, "type");
        try {
            return switch (type) {
                case "hello" -> new ClientMessage.Hello(integer(o, "v"), o.containsKey("revision") && o.get("revision") != JsonValue.NULL
                        ? Long.valueOf(longValue(o, "revision")) : null);
                case "submit" -> submit(o);
                case "presence" -> presence(o);
                case "raiseHand" -> new ClientMessage.RaiseHand();
                case "lowerHand" -> new ClientMessage.LowerHand();
                case "comment" -> comment(o);
                case "moveAgenda" -> new ClientMessage.MoveAgenda(string(o, "itemId"));
                case "clearHand" -> new ClientMessage.ClearHand(string(o, "participantId"));
                case "startPrivate" -> startPrivate(o);
                case "endPrivate" -> new ClientMessage.EndPrivate();
                case "ping" -> new ClientMessage.Ping();
                default -> throw new ProtocolViolation("unknown-type", "There is no message type '" + type + "'.");
            };
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
            throw new ProtocolViolation("invalid", e.getMessage() == null ? "The message has a field of the wrong kind." : e.getMessage());
        }
    }

    private static ClientMessage submit(JsonObject o) {
        String changeId = string(o, "changeId");
        if (changeId.isBlank() || changeId.length() > 64) {
            throw new ProtocolViolation("invalid", "changeId is 1 to 64 characters.");
        }
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
        return new ClientMessage.Presence(string(e, "id"), PlanField.valueOf(string(e, "field")));
    }

    private static ClientMessage comment(JsonObject o) {
        String text = string(o, "text").strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new ProtocolViolation("invalid", "A comment is 1 to " + MAX_COMMENT + " characters.");
        }
        return new ClientMessage.Comment(string(o, "id"), text);
    }

    private static ClientMessage startPrivate(JsonObject o) {
        JsonValue excluded = o.get("excluded");
        if (!(excluded instanceof JsonArray array) || array.isEmpty()) {
            throw new ProtocolViolation("invalid", "Say who is excluded from the private part.");
        }
        var ids = new ArrayList<String>();
        for (JsonValue v : array) {
            ids.add(((JsonString) v).getString());
        }
        String reason = string(o, "reason").strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new ProtocolViolation("invalid", "Give a reason for the private part (up to 500 characters).");
        }
        String familyText = null;
        if (o.containsKey("familyText") && !o.isNull("familyText")) {
            familyText = string(o, "familyText").strip();
            if (familyText.length() > 500) {
                throw new ProtocolViolation("invalid", "What the family is told is up to 500 characters.");
            }
        }
        return new ClientMessage.StartPrivate(List.copyOf(ids), reason, familyText == null || familyText.isEmpty() ? null : familyText);
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonString s)) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" must be a string.");
        }
        return s.getString();
    }

    private static long longValue(JsonObject o, String key) {
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
