package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * A family's sharing choice does not stop the meeting: an agency it does not share the plan
 * with still sees and signs what it agreed to do; the family reads in plain words what a choice
 * will change before saving it; the chair of a coming conference is told.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SharingKeepsTheMeetingWorkingIT {

    private static final String SCHOOL_ACTION = "Call home by 9:30 when Ryan is not in";

    private static DemoFixture fx;
    private static ApiClient jess;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        jess = People.signedIn(Role.FAMILY_MEMBER);
        family = "/families/" + fx.taylors;
    }

    static String teacherId(DemoFixture fx) {
        return DemoFixture.idWhere(fx.admin.get("/agencies/" + fx.school + "/staff").json(), "items", "username", "teacher");
    }

    static String chairEmail(DemoFixture fx) {
        return fx.admin.get("/staff/" + fx.chair.get("/auth/me").json().getString("id")).json().getString("email");
    }

    /** A conference to come, with the school's teacher invited. */
    static String conferenceWithTheSchool(DemoFixture fx) {
        String conference = fx.freshConference();
        Reply invited = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "AGENCY_STAFF", "staffMemberId", teacherId(fx)));
        assertEquals(200, invited.status(), invited::toString);
        return conference;
    }

    @Test
    void the_family_reads_what_a_choice_will_change_before_saving_it() {
        Reply preview = jess.get(family + "/sharing/preview?agencyId=" + fx.school + "&kind=PLAN&preference=DO_NOT_SHARE");
        assertEquals(200, preview.status(), preview::toString);
        List<String> sentences = preview.json().getJsonArray("sentences").getValuesAs(jakarta.json.JsonString::getString);
        assertEquals("Oakfield Primary School will not see your plan.", sentences.get(0));
        assertEquals("They will still see the one thing they agreed to do.", sentences.get(1), "counted from the plan: " + sentences);
        for (String sentence : sentences) {
            assertTrue(sentence.split("\\s+").length <= 20, "short: " + sentence);
        }
        assertEquals(List.of("Nothing changes for Oakfield Primary School."), jess.get(family + "/sharing/preview?agencyId=" + fx.school
                + "&kind=PLAN&preference=SHARE").json().getJsonArray("sentences").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(400, jess.get(family + "/sharing/preview?agencyId=" + fx.housing + "&kind=PLAN&preference=DO_NOT_SHARE").status(),
                "an agency not working with the family");
        assertEquals(400, jess.get(family + "/sharing/preview?agencyId=" + fx.school + "&kind=PLAN").status(), "no choice");
        assertEquals(403, fx.chair.get(family + "/sharing/preview?agencyId=" + fx.school + "&kind=PLAN&preference=SHARE").status());
    }

    @Test
    void the_school_signs_its_own_action_when_the_plan_is_not_shared_and_the_chair_is_told() {
        String conference = conferenceWithTheSchool(fx);
        ApiClient teacher = People.staff("teacher");
        String chairEmail = chairEmail(fx);
        int told = Mailbox.count(chairEmail, "can no longer see");
        assertFalse(fx.chair.get("/conferences/" + conference + "/sharing").body().contains("Oakfield"), "nothing to warn of yet");
        assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", "PLAN", "preference", "DO_NOT_SHARE")).status());
        try {
            Mailbox.awaitCount(chairEmail, "can no longer see", told + 1);
            String email = Mailbox.body(Mailbox.latest(chairEmail, "can no longer see"));
            assertTrue(email.contains("Oakfield Primary School") && email.contains("/conferences/" + conference), email);
            var warnings = fx.chair.get("/conferences/" + conference + "/sharing").body();
            assertTrue(warnings.contains("Oakfield Primary School") && warnings.contains("still see and sign"), warnings);
            assertEquals(403, teacher.get("/conferences/" + conference + "/sharing").status(), "for the chair");

            var signOff = teacher.get("/conferences/" + conference + "/sign-off").json().getJsonArray("actions");
            assertTrue(signOff.stream().allMatch(a -> a.asJsonObject().getString("ownerId").equals(fx.school)), "only its own actions: " + signOff);
            var own = signOff.stream().map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(SCHOOL_ACTION))
                    .findFirst().orElseThrow(() -> new AssertionError("the school's action is missing: " + signOff));
            assertTrue(!own.containsKey("goalTitle") || own.isNull("goalTitle"), "the goal's words are not shared");
            assertTrue(own.getBoolean("canSign") || !own.getString("state").equals("UNSIGNED"));
            if (own.getString("state").equals("UNSIGNED")) {
                Reply signed = teacher.post("/conferences/" + conference + "/signatures", json("actionId", own.getString("actionId"),
                        "contentHash", own.getString("contentHash")));
                assertEquals(200, signed.status(), signed::toString);
                var after = signed.json().getJsonArray("actions");
                assertTrue(after.stream().anyMatch(a -> a.asJsonObject().getString("actionId").equals(own.getString("actionId"))
                        && a.asJsonObject().getString("state").equals("SIGNED")), after::toString);
                assertTrue(after.stream().allMatch(a -> a.asJsonObject().getString("ownerId").equals(fx.school)),
                        "the answer to signing withholds the rest too");
            }
            String jessAction = fx.jessAction();
            Reply notTheirs = teacher.post("/conferences/" + conference + "/signatures", json("actionId", jessAction, "contentHash", "x"));
            assertEquals(403, notTheirs.status(), "still only its own: " + notTheirs);
            assertFalse(teacher.get(family + "/plan").body().contains("Walk Ryan to school"));
        } finally {
            assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", "PLAN", "preference", "SHARE")).status());
        }
        assertFalse(fx.chair.get("/conferences/" + conference + "/sharing").body().contains("Oakfield"), "shared again, no warning");
    }
}
