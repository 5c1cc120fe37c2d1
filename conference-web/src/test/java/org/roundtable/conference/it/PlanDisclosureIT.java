package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The plan is shown by one rule on every path: an agency the family refused sees it nowhere (not
 * in the record, the minutes or the sign-off), someone kept out of a private part sees none of
 * it until the part ends, and every time it leaves the server to staff, the family's log says so.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class PlanDisclosureIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    /** Every endpoint that sends plan content (goals, actions, their words), by what it calls. */
    private static Map<String, Function<ApiClient, Reply>> planEndpoints(boolean familyOnly) {
        String family = "/families/" + fx.taylors;
        String conference = "/conferences/" + fx.conference;
        Map<String, Function<ApiClient, Reply>> endpoints = new LinkedHashMap<>();
        endpoints.put("GET plan", c -> c.get(family + "/plan"));
        endpoints.put("GET sign-off", c -> c.get(conference + "/sign-off"));
        endpoints.put("GET record", c -> c.get(conference + "/record"));
        endpoints.put("GET minutes", c -> c.get(conference + "/minutes"));
        endpoints.put("GET progress", c -> c.get(family + "/plan/actions/" + fx.jessAction() + "/progress"));
        endpoints.put("POST goal", c -> c.post(family + "/plan/goals", json("title", fx.unique("Leak"))));
        endpoints.put("PUT goal", c -> c.put(family + "/plan/goals/" + fx.firstGoal, json("title", "Ryan goes to school every day",
                "description", "Ryan missed 18 days last term. He wants to be in the football team.")));
        endpoints.put("POST action", c -> c.post(family + "/plan/goals/" + fx.firstGoal + "/actions",
                json("description", fx.unique("Leak"), "ownerKind", "FAMILY_MEMBER", "ownerId", fx.jess)));
        if (familyOnly) {
            endpoints.put("GET my-data", c -> c.get(family + "/my-data"));
            endpoints.put("GET my-data/pdf", c -> c.get(family + "/my-data/pdf"));
        }
        return endpoints;
    }

    private static List<String> notRefused(ApiClient who, Map<String, Function<ApiClient, Reply>> endpoints, String secret) {
        List<String> leaks = new ArrayList<>();
        endpoints.forEach((name, call) -> {
            Reply reply = call.apply(who);
            if (reply.status() != 403 && reply.status() != 404 || (secret != null && reply.body().contains(secret))) {
                leaks.add(name + ": " + reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        });
        return leaks;
    }

    @Test
    void an_agency_the_family_refused_the_plan_sees_only_the_actions_it_owns_and_nothing_else_on_any_path() {
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        ApiClient teacher = People.staff("teacher");
        String preferences = "/families/" + fx.taylors + "/sharing/preferences";
        String goalsBefore = fx.chair.get("/families/" + fx.taylors + "/plan").body();
        String schoolAction = "Call home by 9:30 when Ryan is not in";
        assertEquals(200, jess.put(preferences, json("agencyId", fx.school, "kind", "PLAN", "preference", "DO_NOT_SHARE")).status());
        try {
            var withheld = new LinkedHashMap<>(planEndpoints(false));
            var ownOnly = Map.of("GET plan", withheld.remove("GET plan"), "GET sign-off", withheld.remove("GET sign-off"));
            List<String> leaks = notRefused(teacher, withheld, null);
            assertTrue(leaks.isEmpty(), "the school, refused the plan, still got it from: " + leaks);
            ownOnly.forEach((name, call) -> {
                Reply reply = call.apply(teacher);
                assertEquals(200, reply.status(), name + " keeps the school's own actions: " + reply);
                assertTrue(reply.body().contains(schoolAction), name + " shows what the school agreed to do: " + reply.body());
                for (String other : new String[] {"Ryan goes to school every day", "Walk Ryan to school", "boiler", "Mia"}) {
                    assertFalse(reply.body().contains(other), name + " leaked \"" + other + "\": " + reply.body());
                }
            });
            var own = teacher.get("/conferences/" + fx.conference + "/sign-off").json().getJsonArray("actions");
            assertTrue(own.stream().allMatch(a -> a.asJsonObject().getString("ownerId").equals(fx.school)), own::toString);
            assertTrue(teacher.get("/families/" + fx.taylors + "/plan").json().getBoolean("onlyOwnActions"));
            assertFalse(fx.chair.get("/families/" + fx.taylors + "/plan").body().contains("Leak-"),
                    "nothing the refused agency sent was stored: " + goalsBefore.length());
        } finally {
            assertEquals(200, jess.put(preferences, json("agencyId", fx.school, "kind", "PLAN", "preference", "SHARE")).status());
        }
        assertEquals(200, teacher.get("/conferences/" + fx.conference + "/record").status(), "shared again, the record is back");
        assertFalse(teacher.get("/families/" + fx.taylors + "/plan").json().getBoolean("onlyOwnActions"), "and the whole plan");
    }

    @Test
    void a_family_member_kept_out_of_a_private_part_sees_no_plan_until_it_ends() {
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        String secret = "PRIVATE-" + UUID.randomUUID();
        try (LiveClient chair = LiveClient.connect(fx.chair, fx.conference)) {
            chair.hello();
            chair.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(fx.jessInvitee)).add("reason", "Information about a third party").build());
            chair.nextMatching(m -> m.getString("type").equals("room") && m.get("privatePart") instanceof jakarta.json.JsonObject, 5);
            try {
                assertEquals(200, fx.chair.post("/families/" + fx.taylors + "/plan/goals", json("title", secret)).status());
                List<String> leaks = notRefused(jess, planEndpoints(true), secret);
                assertTrue(leaks.isEmpty(), "Jess, kept out of the private part, still got the plan from: " + leaks);
            } finally {
                chair.send(Json.createObjectBuilder().add("type", "endPrivate").build());
                chair.nextMatching(m -> m.getString("type").equals("room") && !(m.get("privatePart") instanceof jakarta.json.JsonObject), 5);
            }
        }
        assertTrue(jess.get("/families/" + fx.taylors + "/plan").body().contains(secret), "after the private part the plan is back");
    }

    @Test
    void a_change_whose_answer_carries_the_plan_to_staff_is_in_the_familys_access_log() {
        var taylors = UUID.fromString(fx.taylors);
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        long before = Database.count("select count(*) from record_access where family_id = ?", taylors);
        Reply reply = worker.post("/families/" + fx.taylors + "/plan/goals", json("title", fx.unique("Logged")));
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.body().contains("Ryan goes to school every day"), "the answer is the whole plan");
        assertTrue(Database.count("select count(*) from record_access where family_id = ?", taylors) > before,
                "the plan left the server to staff without a line in the family's access log");
    }
}
