package org.roundtable.conference.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.roundtable.conference.application.InvalidInput;
import org.roundtable.shared.domain.PlainText;

/**
 * Every JSON body the API reads is plain text in every string (names, summaries, reasons):
 * a NUL, a terminal escape or a right-to-left override is refused with the field it is in,
 * before anything is stored. The plan's fields are checked by the plan pipeline itself, on the
 * REST and live paths alike, so they are left to it here. A body nested too deeply to parse is
 * refused for every endpoint.
 */
@Provider
public class PlainTextBodies implements ReaderInterceptor {

    static final String MESSAGE = "Remove the invisible control characters from this text (for example a NUL or a right-to-left override).";

    @Context
    private UriInfo uri;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            value = reader.readValue();
        } catch (JsonException e) {
            // Not JSON: JSON-B says so, as it always has.
            return context.proceed();
        } catch (RuntimeException e) {
            // The parser's depth limit: a body no form sends.
            throw new InvalidInput(null, "The request body is nested too deeply. Send the form's fields only.");
        }
        if (!uri.getPath().contains("/plan")) {
            requirePlain(value, null);
        }
        return context.proceed();
    }

    /** Walks every string (keys too), naming the field a bad one is in. */
    static void requirePlain(JsonValue value, String field) {
        if (value instanceof JsonString text) {
            if (PlainText.firstForbidden(text.getString()) >= 0) {
                throw new InvalidInput(field, MESSAGE);
            }
        } else if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (PlainText.firstForbidden(entry.getKey()) >= 0) {
                    throw new InvalidInput(field, MESSAGE);
                }
                requirePlain(entry.getValue(), entry.getKey());
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> requirePlain(item, field));
        }
    }
}
