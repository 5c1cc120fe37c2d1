package org.roundtable.shared.plan;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;

/**
 * Operations and documents as JSON, the same on the socket, in the change log and in snapshots.
 * A text edit is written compactly: a positive number keeps that many characters, a string
 * inserts it, a negative number deletes that many ([5, "abc", -3]).
 */
public final class PlanJson {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PlanJson() {
    }

    public static JsonObject toJson(PlanOperation op) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", op.nodeId());
        if (op instanceof CreateGoal g) {
            b.add("op", "createGoal").add("position", g.position()).add("title", g.title());
        } else if (op instanceof CreateAction a) {
            b.add("op", "createAction").add("goalId", a.goalId()).add("position", a.position()).add("description", a.description());
        } else if (op instanceof SetField s) {
            b.add("op", "set").add("field", s.field().name());
            if (s.value() == null) {
                b.addNull("value");
            } else {
                b.add("value", s.value());
            }
        } else if (op instanceof EditText e) {
            b.add("op", "edit").add("field", e.field().name()).add("text", toJson(e.edit()));
        }
        return b.build();
    }

    /**
     * The string as a JSON string, quotes included ({@code null} for null), for messages written
     * by hand: a lone surrogate is written as a \\u escape, as {@link #operationsText} does.
     */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        var out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * Operations as JSON text, for the change log and the socket. A text edit may insert half of
     * a surrogate pair (how a code-unit diff changes one emoji into another); that half is written
     * as a \\u escape, because UTF-8 (the socket's, the database's) cannot carry it and would turn
     * it into '?' on one copy only.
     */
    public static String operationsText(List<PlanOperation> ops) {
        return escapeLoneSurrogates(toJson(ops).toString());
    }

    /**
     * JSON text with every lone surrogate written as a \\u escape (JSON's structure is ASCII, so
     * any surrogate is inside a string). Returns the same text when there is none.
     */
    public static String escapeLoneSurrogates(String json) {
        int first = firstLoneSurrogate(json, 0);
        if (first < 0) {
            return json;
        }
        var out = new StringBuilder(json.length() + 16).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstLoneSurrogate(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static JsonArray toJson(List<PlanOperation> ops) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        ops.forEach(op -> b.add(toJson(op)));
        return b.build();
    }

    public static JsonArray toJson(TextOperation edit) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        for (var c : edit.components()) {
            if (c.retain() > 0) {
                b.add(c.retain());
            } else if (c.insert() != null) {
                b.add(c.insert());
            } else {
                b.add(-c.delete());
            }
        }
        return b.build();
    }

    /** Reads an operation; throws {@link IllegalArgumentException} with a message for the sender. */
    public static PlanOperation operation(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw new IllegalArgumentException("each operation is a JSON object");
        }
        String kind = string(o, "op");
        String id = string(o, "id");
        return switch (kind) {
            case "createGoal" -> new CreateGoal(id, string(o, "position"), optionalString(o, "title"));
            case "createAction" -> new CreateAction(id, string(o, "goalId"), string(o, "position"), optionalString(o, "description"));
            case "set" -> new SetField(id, field(o), optionalString(o, "value"));
            case "edit" -> new EditText(id, field(o), textOperation(o.get("text")));
            default -> throw new IllegalArgumentException("unknown operation '" + kind + "'");
        };
    }

    public static List<PlanOperation> operations(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("ops must be an array of operations");
        }
        var ops = new ArrayList<PlanOperation>(array.size());
        array.forEach(v -> ops.add(operation(v)));
        return ops;
    }

    public static TextOperation textOperation(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("a text edit is an array like [5, \"abc\", -3]");
        }
        var b = TextOperation.builder();
        for (JsonValue v : array) {
            if (v instanceof JsonString s) {
                b.insert(s.getString());
            } else if (v instanceof JsonNumber n && n.isIntegral()) {
                int i = n.intValueExact();
                if (i > 0) {
                    b.retain(i);
                } else if (i < 0) {
                    b.delete(-i);
                } else {
                    throw new IllegalArgumentException("0 is not a step of a text edit");
                }
            } else {
                throw new IllegalArgumentException("a text edit holds whole numbers and strings only");
            }
        }
        return b.build();
    }

    public static JsonObject toJson(PlanDocument document) {
        JsonArrayBuilder nodes = JSON.createArrayBuilder();
        for (PlanNode node : document.nodes()) {
            JsonObjectBuilder fields = JSON.createObjectBuilder();
            for (PlanField f : PlanField.values()) {
                String v = node.rawValue(f);
                if (v != null) {
                    fields.add(f.name(), v);
                }
            }
            nodes.add(JSON.createObjectBuilder().add("id", node.id()).add("kind", node.kind().name()).add("fields", fields));
        }
        return JSON.createObjectBuilder().add("nodes", nodes).build();
    }

    public static PlanDocument document(JsonObject json) {
        var nodes = new ArrayList<PlanNode>();
        for (JsonValue v : json.getJsonArray("nodes")) {
            JsonObject n = v.asJsonObject();
            var node = new PlanNode(n.getString("id"), PlanNode.Kind.valueOf(n.getString("kind")));
            n.getJsonObject("fields").forEach((k, value) -> node.set(PlanField.valueOf(k), ((JsonString) value).getString()));
            nodes.add(node);
        }
        return PlanDocument.of(nodes);
    }

    private static PlanField field(JsonObject o) {
        String name = string(o, "field");
        try {
            return PlanField.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown field '" + name + "'");
        }
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return s.getString();
    }

    private static String optionalString(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string or null");
        }
        return s.getString();
    }
}
