package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanOperation.SetField;

/**
 * An agreed commitment belongs to the agency that made it: staff of another agency cannot take
 * it over or mark it done, in a form or in the live room. Its own agency and the chair can.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class CommitmentOwnershipIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    /** The school's agreed action, as it stands now. */
    private static JsonObject schoolAction() {
        return fx.chair.get("/families/" + fx.taylors + "/plan").json().getJsonArray("goals").stream()
                .flatMap(g -> g.asJsonObject().getJsonArray("actions").stream()).map(v -> v.asJsonObject())
                .filter(a -> a.getString("id").equals(fx.agencyAction)).findFirst().orElseThrow();
    }

    private static Reply put(ApiClient who, String ownerId, String status) {
        JsonObject now = schoolAction();
        var body = json("description", now.getString("description"), "ownerKind", "AGENCY", "ownerId", ownerId, "status", status);
        if (!now.isNull("dueOn")) {
            body = Json.createObjectBuilder(body).add("dueOn", now.getString("dueOn")).build();
        }
        return who.put("/families/" + fx.taylors + "/plan/actions/" + fx.agencyAction, body);
    }

    @Test
    void another_agency_cannot_take_over_or_mark_done_the_schools_agreed_action() {
        assertEquals(fx.school, schoolAction().getString("ownerId"));
        assertEquals("AGREED", schoolAction().getString("status"));
        ApiClient healthVisitor = People.staff("health.visitor");

        Reply takeOver = put(healthVisitor, fx.health, "AGREED");
        assertEquals(403, takeOver.status(), takeOver::toString);
        Reply done = put(healthVisitor, fx.school, "DONE");
        assertEquals(403, done.status(), done::toString);

        assertEquals(fx.school, schoolAction().getString("ownerId"));
        assertEquals("AGREED", schoolAction().getString("status"));
    }

    @Test
    void another_agency_cannot_take_over_or_mark_done_the_schools_agreed_action_in_the_live_room() {
        try (LiveClient healthVisitor = LiveClient.connect(People.staff("health.visitor"), fx.conference)) {
            healthVisitor.hello();
            for (var op : List.of(new SetField(fx.agencyAction, PlanField.OWNER, "AGENCY:" + fx.health),
                    new SetField(fx.agencyAction, PlanField.STATUS, "DONE"))) {
                long revision = healthVisitor.welcome.getJsonNumber("revision").longValue();
                healthVisitor.send(Json.createObjectBuilder().add("type", "submit").add("changeId", UUID.randomUUID().toString())
                        .add("baseRevision", revision).add("ops", PlanJson.toJson(List.of(op))).build());
                assertEquals("forbidden", healthVisitor.next("error").getString("code"), op::toString);
            }
        }
        assertEquals(fx.school, schoolAction().getString("ownerId"));
        assertEquals("AGREED", schoolAction().getString("status"));
    }

    @Test
    void the_owning_agency_and_the_chair_can_change_an_agreed_actions_status() {
        ApiClient teacher = People.staff("teacher");
        Reply started = put(teacher, fx.school, "IN_PROGRESS");
        assertEquals(200, started.status(), started::toString);
        Reply back = put(fx.chair, fx.school, "AGREED");
        assertEquals(200, back.status(), back::toString);
        assertEquals("AGREED", schoolAction().getString("status"));
    }
}
