package org.roundtable.conference.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.conference.interfaces.problem.Problem;

/**
 * A page in Welsh asks with {@code Accept-Language: cy}; the problem details it gets back carry
 * the Welsh for every message listed in {@code problem-texts/cy.txt} (the rest stay English).
 * One place, after every mapper, so no service has to know the reader's language. A listed
 * message may have gaps, {@code {name}}, for what the server wrote into it (a person's name, a
 * number): the same gaps in the Welsh are filled with what stood there.
 */
@Provider
public class WelshProblems implements ContainerResponseFilter {

    /** Looked up once (see Problem): JsonProvider.provider() is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final Map<String, String> WELSH = load();
    private static final List<GapPattern> WITH_GAPS = WELSH.entrySet().stream()
            .filter(e -> e.getKey().contains("{")).map(e -> GapPattern.of(e.getKey(), e.getValue())).toList();

    /** A listed message with gaps: the English as a pattern, and the Welsh to fill (gaps as in {@link Texts}). */
    private record GapPattern(Pattern english, List<String> gaps, String welsh) {

        static GapPattern of(String english, String welsh) {
            StringBuilder regex = new StringBuilder();
            List<String> gaps = new ArrayList<>();
            Matcher gap = Texts.GAP.matcher(english);
            int at = 0;
            while (gap.find()) {
                regex.append(Pattern.quote(english.substring(at, gap.start()))).append("(.+?)");
                gaps.add(gap.group(1));
                at = gap.end();
            }
            regex.append(Pattern.quote(english.substring(at)));
            return new GapPattern(Pattern.compile(regex.toString(), Pattern.DOTALL), gaps, welsh);
        }

        String welshFor(String message) {
            Matcher m = english.matcher(message);
            if (!m.matches()) {
                return null;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < gaps.size(); i++) {
                values.put(gaps.get(i), m.group(i + 1));
            }
            return Texts.fillGaps(welsh, values, "problem-texts/cy.txt");
        }
    }

    /** The Welsh of one message: listed as it is, or matching a listed message with gaps; else the English. */
    static String welshOf(String message) {
        String exact = WELSH.get(message);
        if (exact != null) {
            return exact;
        }
        for (GapPattern pattern : WITH_GAPS) {
            String filled = pattern.welshFor(message);
            if (filled != null) {
                return filled;
            }
        }
        return message;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String asked = request.getHeaderString("Accept-Language");
        if (asked == null || !asked.strip().toLowerCase(java.util.Locale.ROOT).startsWith("cy")
                || !(response.getEntity() instanceof String json) || response.getMediaType() == null
                || !Problem.MEDIA_TYPE.equals(response.getMediaType().getType() + "/" + response.getMediaType().getSubtype())) {
            return;
        }
        response.setEntity(inWelsh(json), response.getEntityAnnotations(), response.getMediaType());
    }

    /** The problem's detail and field messages in Welsh, where the Welsh is known. */
    static String inWelsh(String problemJson) {
        JsonObject problem = JSON.createReader(new StringReader(problemJson)).readObject();
        var out = JSON.createObjectBuilder(problem);
        if (problem.get("detail") instanceof JsonString detail) {
            out.add("detail", welshOf(detail.getString()));
        }
        if (problem.get("errors") != null && problem.get("errors").getValueType() == JsonValue.ValueType.ARRAY) {
            var errors = JSON.createArrayBuilder();
            for (JsonValue error : problem.getJsonArray("errors")) {
                JsonObject e = error.asJsonObject();
                String message = e.getString("message", "");
                errors.add(JSON.createObjectBuilder(e).add("message", welshOf(message)));
            }
            out.add("errors", errors);
        }
        return out.build().toString();
    }

    private static Map<String, String> load() {
        Map<String, String> welsh = new HashMap<>();
        try (var in = WelshProblems.class.getResourceAsStream("/problem-texts/cy.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing /problem-texts/cy.txt");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String english = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    english = null;
                } else if (english == null) {
                    english = line;
                } else {
                    welsh.put(english, line);
                    english = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(welsh);
    }
}
