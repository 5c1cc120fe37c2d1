package org.roundtable.conference.interfaces.problem;

import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error as RFC 9457 problem details: a short title, and a detail a person can act on.
 * Field errors name the field, so a form can show each message beside its input.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
    }

    /** Serialised by hand so that servlet filters, outside JAX-RS, answer in the same shape. */
    public String toJson() {
        var errorsJson = JSON.createArrayBuilder();
        errors.forEach(e -> errorsJson.add(JSON.createObjectBuilder()
                .add("field", e.field() == null ? "" : e.field()).add("message", e.message())));
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("errors", errorsJson)
                .build().toString();
    }
}
