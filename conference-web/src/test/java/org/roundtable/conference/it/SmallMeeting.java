package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * A family of a test's own, made through the API as staff would: Jess Taylor (a new address,
 * confirmed), children's social care (the chair's and Sam Okafor's agency) and the school
 * involved, a two-goal plan like the demo's, and a conference with the chair, Sam and Jess
 * invited and two items on its agenda. Live-room browser tests meet here rather than in the demo Taylors' room, whose plan
 * every other test adds to: late in a full run that room has thousands of elements, and each
 * axe-core check and redraw of it takes many seconds.
 */
final class SmallMeeting {

    static final String MEMBER_NAME = "Jess Taylor";

    final String family;
    final String memberEmail;
    final String member;
    final String conference;
    final String chairInvitee;
    final String workerInvitee;
    final String memberInvitee;
    final String firstGoal;
    final String memberAction;
    private final DemoFixture fx;

    private SmallMeeting(DemoFixture fx) {
        this.fx = fx;
        family = created(fx.chair.post("/families", json("name", fx.unique("Small meeting family"))));
        String familyPath = "/families/" + family;
        String teacher = People.staff("teacher").get("/auth/me").json().getString("id");
        Reply school = fx.chair.post(familyPath + "/involvements", json("agencyId", fx.school, "leadPractitionerId", teacher,
                "startsOn", LocalDate.now().minusDays(1).toString()));
        assertEquals(201, school.status(), school::toString);

        memberEmail = fx.unique("jess").toLowerCase() + "@example.org";
        Reply added = fx.chair.post(familyPath + "/members", json("fullName", MEMBER_NAME, "email", memberEmail));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(memberEmail);
        member = DemoFixture.idWhere(fx.chair.get(familyPath).json(), "members", "fullName", MEMBER_NAME);

        firstGoal = goal("Ryan goes to school every day", "Ryan missed 18 days last term. He wants to be in the football team.");
        memberAction = action(firstGoal, "Walk Ryan to school each morning", "FAMILY_MEMBER", member);
        action(firstGoal, "Call home by 9:30 when Ryan is not in", "AGENCY", fx.school);
        String home = goal("The home is warm and safe", "The boiler has been broken since October.");
        action(home, "Apply for a boiler repair grant with Jess", "AGENCY", fx.socialCare);

        conference = created(fx.chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP",
                "scheduledStart", LocalDate.now().plusDays(7) + "T10:00:00Z")));
        String sam = DemoFixture.idWhere(fx.admin.get("/agencies/" + fx.socialCare + "/staff?size=100").json(), "items", "username",
                "social.worker");
        invite(json("role", "AGENCY_STAFF", "staffMemberId", sam));
        invite(json("role", "FAMILY_MEMBER", "familyMemberId", member));
        for (String item : new String[] {"Welcome and introductions", "Next steps and review date"}) {
            Reply agenda = fx.chair.post("/conferences/" + conference + "/agenda", json("title", item));
            assertEquals(200, agenda.status(), agenda::toString);
        }
        JsonObject view = fx.chair.get("/conferences/" + conference).json();
        chairInvitee = DemoFixture.idWhere(view, "invitees", "name", "Priya Shah");
        workerInvitee = DemoFixture.idWhere(view, "invitees", "name", "Sam Okafor");
        memberInvitee = DemoFixture.idWhere(view, "invitees", "name", MEMBER_NAME);
    }

    /** A new small family and its conference, for one test class. */
    static SmallMeeting create(DemoFixture fx) {
        return new SmallMeeting(fx);
    }

    /** A new action proposed for the school under the first goal. */
    String freshSchoolAction() {
        return action(firstGoal, fx.unique("Owned action for the school"), "AGENCY", fx.school);
    }

    /** The family's plan as the server holds it. */
    JsonObject plan() {
        return fx.chair.get("/families/" + family + "/plan").json();
    }

    private String goal(String title, String description) {
        Reply made = fx.chair.post("/families/" + family + "/plan/goals", json("title", title, "description", description));
        assertEquals(200, made.status(), made::toString);
        return DemoFixture.idWhere(made.json(), "goals", "title", title);
    }

    private String action(String goal, String words, String ownerKind, String ownerId) {
        Reply made = fx.chair.post("/families/" + family + "/plan/goals/" + goal + "/actions",
                json("description", words, "ownerKind", ownerKind, "ownerId", ownerId));
        assertEquals(200, made.status(), made::toString);
        return made.json().getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(words)).findFirst().orElseThrow()
                .getString("id");
    }

    private void invite(JsonObject body) {
        Reply invited = fx.chair.post("/conferences/" + conference + "/invitees", body);
        assertEquals(200, invited.status(), invited::toString);
    }

    private static String created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }
}
