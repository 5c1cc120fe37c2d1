package org.roundtable.conference.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds small JSON bodies: json("name", "Ada", "kind", "OTHER"). */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject json(Object... keysAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value == null) {
                builder.addNull(key);
            } else if (value instanceof Boolean b) {
                builder.add(key, b);
            } else if (value instanceof Integer n) {
                builder.add(key, n);
            } else if (value instanceof jakarta.json.JsonValue v) {
                builder.add(key, v);
            } else {
                builder.add(key, value.toString());
            }
        }
        return builder.build();
    }
}
