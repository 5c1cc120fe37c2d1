package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The API's bodies, mutated at random (jqwik generators): a value of the wrong kind, a field
 * missing or added, text with control characters or far too long, JSON cut short or not JSON at
 * all. Whatever arrives, the answer is never a server error, a refusal is problem details, and a
 * refused body stores nothing. Bounded: a few hundred requests, a few seconds.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class RestBodyFuzzIT {

    private static final int PER_ENDPOINT = 40;
    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    /** One endpoint that writes: who calls it, a valid body, and how to count what it stores. */
    record Target(String method, String path, Supplier<ApiClient> who, JsonObject valid, String countSql) {
    }

    /**
     * The writing endpoints, on a family and a conference made for this test (so that what a
     * mutation leaves valid and is stored disturbs no other test's data).
     */
    private static List<Target> targets() {
        Reply created = fx.chair.post("/families", json("name", fx.unique("Fuzz family")));
        assertTrue(created.status() == 201, created::toString);
        String family = "/families/" + created.json().getString("id");
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        return List.of(
                new Target("POST", family + "/members", () -> fx.chair, json("fullName", "Fuzz Cousin"), "select count(*) from family_member"),
                new Target("POST", family + "/contacts", () -> fx.chair, json("happenedOn", LocalDate.now().toString(), "kind", "CALL",
                        "summary", "Checked in."), "select count(*) from contact"),
                new Target("POST", "/conferences/" + fx.freshConference() + "/agenda", () -> fx.chair, json("title", "Fuzz item"),
                        "select count(*) from agenda_item"),
                new Target("POST", family + "/plan/goals", () -> fx.chair, json("title", "Fuzz goal", "description", "Words"),
                        "select count(*) from plan_change"),
                new Target("PUT", "/families/" + fx.taylors + "/sharing/preferences", () -> jess, json("agencyId", fx.school,
                        "kind", "DETAILS", "preference", "SHARE"), null));
    }

    /** Values that stress a field. */
    private static Arbitrary<JsonValue> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(JsonValue.NULL, JsonValue.TRUE, JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT,
                        Json.createValue(-1), Json.createValue(Long.MAX_VALUE), Json.createValue(1e300), Json.createValue(""),
                        Json.createValue("\u0000"), Json.createValue("\u202e"), Json.createValue("x".repeat(70_000)),
                        Json.createValue("-999999999-01-01"), Json.createValue(UUID.randomUUID().toString()),
                        Json.createValue("AGENCY:" + UUID.randomUUID())),
                Arbitraries.strings().ofMaxLength(50).map(s -> (JsonValue) Json.createValue(s)),
                Arbitraries.integers().map(i -> (JsonValue) Json.createValue(i)));
    }

    /** A valid body with one mutation, as the text sent. */
    private static Arbitrary<String> mutations(JsonObject valid) {
        List<String> keys = new ArrayList<>(valid.keySet());
        Arbitrary<String> replaced = Combinators.combine(Arbitraries.of(keys), hostileValues())
                .as((key, value) -> Json.createObjectBuilder(valid).add(key, value).build().toString());
        Arbitrary<String> removed = Arbitraries.of(keys).map(key -> Json.createObjectBuilder(valid).remove(key).build().toString());
        Arbitrary<String> added = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), hostileValues())
                .as((key, value) -> Json.createObjectBuilder(valid).add(key, value).build().toString());
        String text = valid.toString();
        Arbitrary<String> cut = Arbitraries.integers().between(0, text.length() - 1).map(i -> text.substring(0, i));
        Arbitrary<String> noise = Combinators.combine(Arbitraries.integers().between(0, text.length()), Arbitraries.strings().ofMaxLength(6))
                .as((i, s) -> text.substring(0, i) + s + text.substring(i));
        Arbitrary<String> notAnObject = Arbitraries.of("[]", "\"text\"", "42", "null", "", "{", "[" .repeat(5000), "{\"a\":" .repeat(3000));
        return Arbitraries.oneOf(replaced, removed, added, cut, noise, notAnObject);
    }

    private static boolean isValidJsonObject(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read() instanceof JsonObject;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void mutated_bodies_never_cause_a_server_error_and_a_refused_body_stores_nothing() {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Target target : targets()) {
            ApiClient who = target.who().get();
            for (String body : mutations(target.valid()).sampleStream().limit(PER_ENDPOINT).toList()) {
                long before = target.countSql() == null ? 0 : Database.count(target.countSql());
                String shown = body.length() > 120 ? body.substring(0, 120) + "…" : body;
                Reply reply;
                try {
                    reply = who.send(target.method(), target.path(), body);
                } catch (java.io.UncheckedIOException noAnswer) {
                    wrong.add(target.method() + " " + target.path() + " " + shown + ": no answer (" + noAnswer.getCause() + ")");
                    continue;
                }
                sent++;
                if (reply.status() >= 500) {
                    wrong.add(target.method() + " " + target.path() + " " + shown + ": " + reply);
                } else if (reply.status() >= 400) {
                    if (!reply.contentType().startsWith("application/problem+json")) {
                        wrong.add(target.method() + " " + target.path() + " " + shown + ": not problem details: " + reply.contentType());
                    }
                    if (target.countSql() != null && Database.count(target.countSql()) != before) {
                        wrong.add(target.method() + " " + target.path() + " " + shown + ": refused, yet something was stored");
                    }
                } else if (!isValidJsonObject(body)) {
                    wrong.add(target.method() + " " + target.path() + " " + shown + ": accepted a body that is not a JSON object");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(sent >= PER_ENDPOINT * 5, "bodies answered: " + sent);
    }
}
