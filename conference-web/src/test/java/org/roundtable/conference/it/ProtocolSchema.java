package org.roundtable.conference.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live protocol's JSON Schema as the server serves it (/protocol/live-1.4.schema.json), and a
 * check of a message against it. The check knows the keywords that schema uses (type, const,
 * enum, properties, required, additionalProperties, items, min/maxItems, min/maxLength, minimum,
 * oneOf, $ref within the file); any other keyword is a failure, so nothing is silently skipped.
 */
final class ProtocolSchema {

    private static final Set<String> NOTES = Set.of("$schema", "$id", "title", "description", "$defs");
    private static final ConcurrentMap<URI, ProtocolSchema> SERVED = new ConcurrentHashMap<>();

    private final JsonObject root;

    private ProtocolSchema(JsonObject root) {
        this.root = root;
    }

    /** The schema the server at this address serves, fetched once. */
    static ProtocolSchema servedBy(URI base) {
        return SERVED.computeIfAbsent(base, b -> {
            try {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.resolve("/protocol/live-1.4.schema.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the protocol's schema is not served: HTTP " + response.statusCode());
                }
                return new ProtocolSchema(Json.createReader(new StringReader(response.body())).readObject());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** What is wrong with a server message (empty: it conforms). A batch's messages are checked one by one. */
    List<String> problemsOfServerMessage(JsonObject message) {
        var problems = new ArrayList<String>();
        String type = message.get("type") instanceof JsonString s ? s.getString() : null;
        JsonObject schema = type == null ? null : root.getJsonObject("$defs").getJsonObject("server." + type);
        if (schema == null) {
            problems.add("no server message of type " + type);
            return problems;
        }
        check(schema, message, "", problems);
        if ("batch".equals(type)) {
            for (JsonValue each : message.getJsonArray("messages")) {
                problems.addAll(problemsOfServerMessage(each.asJsonObject()));
            }
        }
        return problems;
    }

    private JsonObject resolve(String ref) {
        if (!ref.startsWith("#/$defs/")) {
            throw new IllegalArgumentException("only refs within the file: " + ref);
        }
        return root.getJsonObject("$defs").getJsonObject(ref.substring("#/$defs/".length()));
    }

    private void check(JsonObject schema, JsonValue value, String at, List<String> problems) {
        for (var keyword : schema.entrySet()) {
            String k = keyword.getKey();
            JsonValue rule = keyword.getValue();
            switch (k) {
                case "$ref" -> check(resolve(((JsonString) rule).getString()), value, at, problems);
                case "oneOf" -> {
                    int matching = 0;
                    for (JsonValue option : rule.asJsonArray()) {
                        var inner = new ArrayList<String>();
                        check(option.asJsonObject(), value, at, inner);
                        matching += inner.isEmpty() ? 1 : 0;
                    }
                    if (matching != 1) {
                        problems.add(at + ": matches " + matching + " of the choices, not one: " + value);
                    }
                }
                case "type" -> {
                    List<String> types = rule instanceof JsonArray a ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                            : List.of(((JsonString) rule).getString());
                    if (types.stream().noneMatch(t -> isOfType(value, t))) {
                        problems.add(at + ": not " + types + ": " + value);
                    }
                }
                case "const" -> {
                    if (!rule.equals(value)) {
                        problems.add(at + ": not " + rule + ": " + value);
                    }
                }
                case "enum" -> {
                    if (!rule.asJsonArray().contains(value)) {
                        problems.add(at + ": not one of " + rule + ": " + value);
                    }
                }
                case "properties" -> {
                    if (value instanceof JsonObject o) {
                        rule.asJsonObject().forEach((name, sub) -> {
                            if (o.containsKey(name)) {
                                check(sub.asJsonObject(), o.get(name), at + "/" + name, problems);
                            }
                        });
                    }
                }
                case "required" -> {
                    if (value instanceof JsonObject o) {
                        rule.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString)
                                .filter(name -> !o.containsKey(name)).forEach(name -> problems.add(at + ": " + name + " missing"));
                    }
                }
                case "additionalProperties" -> {
                    if (value instanceof JsonObject o) {
                        JsonObject known = schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
                        o.forEach((name, v) -> {
                            if (!known.containsKey(name)) {
                                if (rule == JsonValue.FALSE) {
                                    problems.add(at + ": " + name + " is not in the schema");
                                } else if (rule instanceof JsonObject sub) {
                                    check(sub, v, at + "/" + name, problems);
                                }
                            }
                        });
                    }
                }
                case "items" -> {
                    if (value instanceof JsonArray a) {
                        for (int i = 0; i < a.size(); i++) {
                            check(rule.asJsonObject(), a.get(i), at + "/" + i, problems);
                        }
                    }
                }
                case "minItems", "maxItems" -> {
                    if (value instanceof JsonArray a && (k.equals("minItems") ? a.size() < ((JsonNumber) rule).intValue()
                            : a.size() > ((JsonNumber) rule).intValue())) {
                        problems.add(at + ": " + a.size() + " items, " + k + " " + rule);
                    }
                }
                case "minLength", "maxLength" -> {
                    if (value instanceof JsonString s && (k.equals("minLength") ? s.getString().length() < ((JsonNumber) rule).intValue()
                            : s.getString().length() > ((JsonNumber) rule).intValue())) {
                        problems.add(at + ": " + s.getString().length() + " characters, " + k + " " + rule);
                    }
                }
                case "minimum" -> {
                    if (value instanceof JsonNumber n && n.doubleValue() < ((JsonNumber) rule).doubleValue()) {
                        problems.add(at + ": " + n + " below " + rule);
                    }
                }
                default -> {
                    if (!NOTES.contains(k)) {
                        throw new IllegalArgumentException("the schema uses a keyword this check does not know: " + k);
                    }
                }
            }
        }
    }

    private static boolean isOfType(JsonValue v, String type) {
        return switch (type) {
            case "object" -> v.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> v.getValueType() == JsonValue.ValueType.ARRAY;
            case "string" -> v.getValueType() == JsonValue.ValueType.STRING;
            case "integer" -> v instanceof JsonNumber n && n.isIntegral();
            case "number" -> v.getValueType() == JsonValue.ValueType.NUMBER;
            case "boolean" -> v == JsonValue.TRUE || v == JsonValue.FALSE;
            case "null" -> v == JsonValue.NULL;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
