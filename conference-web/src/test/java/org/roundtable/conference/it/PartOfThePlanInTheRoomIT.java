package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.roundtable.conference.it.ApiClient.Reply;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;
import org.roundtable.shared.plan.TextOperation;

/**
 * An agency the family does not share the plan with still takes part in the live conference:
 * it sees and changes the actions it owns, and nothing of the rest of the plan reaches it (not
 * its words, not who is typing where, not even the ids of what it cannot see).
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class PartOfThePlanInTheRoomIT {

    /** Words of the Taylors' plan that are not the school's (the first goal's title and Jess's action). */
    private static final List<String> NOT_THE_SCHOOLS = List.of("Ryan goes to school every day", "Ryan missed 18 days",
            "Walk Ryan to school");

    private static DemoFixture fx;
    private static ApiClient jess;
    private static String preferences;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        jess = People.signedIn(Role.FAMILY_MEMBER);
        preferences = "/families/" + fx.taylors + "/sharing/preferences";
    }

    private static void familySharesThePlanWithTheSchool(boolean share) {
        Reply reply = jess.put(preferences, json("agencyId", fx.school, "kind", "PLAN", "preference", share ? "SHARE" : "DO_NOT_SHARE"));
        assertEquals(200, reply.status(), reply::toString);
    }

    /** A new action of the school's in the first goal: other tests count the school's actions, so each test removes its own. */
    private static String schoolAction(String words) {
        return actionOf(fx.school, words);
    }

    /** A new action of an agency's in the first goal (removed by the test that made it). */
    private static String actionOf(String agency, String words) {
        var plan = fx.chair.post("/families/" + fx.taylors + "/plan/goals/" + fx.firstGoal + "/actions",
                json("description", words, "ownerKind", "AGENCY", "ownerId", agency)).json();
        return plan.getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(words)).findFirst().orElseThrow()
                .getString("id");
    }

    private static void remove(String conference, String action) {
        try (LiveClient chair = LiveClient.connect(fx.chair, conference)) {
            chair.hello();
            chair.edit(new SetField(action, PlanField.DELETED, "true"));
            chair.settle();
        }
    }

    private static String description(LiveClient client, String action) {
        return client.plan().node(action).orElseThrow().get(PlanField.DESCRIPTION);
    }

    private static JsonObject submit(LiveClient client, String changeId, PlanOperation... ops) {
        client.send(Json.createObjectBuilder().add("type", "submit").add("changeId", changeId)
                .add("baseRevision", client.welcome.getJsonNumber("revision").longValue())
                .add("ops", PlanJson.toJson(List.of(ops))).build());
        return client.nextMatching(m -> m.getString("type").equals("error") && changeId.equals(m.getString("ref", null))
                || m.getString("type").equals("applied") && m.getString("changeId").equals(changeId), 5);
    }

    @Test
    void the_school_not_shared_the_plan_joins_the_room_and_sees_its_own_action_and_no_other_words() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String words = fx.unique("The school rings home at 9:30");
        String own = schoolAction(words);
        String jessAction = fx.jessAction();
        familySharesThePlanWithTheSchool(false);
        try (LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            JsonObject welcome = teacher.hello();
            assertTrue(welcome.getBoolean("onlyOwnActions", false), "the welcome says the plan is not all there: " + welcome);
            String sent = welcome.toString();
            assertTrue(sent.contains(words), "the school's own action is there: " + sent);
            for (String other : NOT_THE_SCHOOLS) {
                assertFalse(sent.contains(other), "the school was sent \"" + other + "\": " + sent);
            }
            assertFalse(sent.contains(jessAction), "not even the id of Jess's action");
            for (PlanNode node : teacher.plan().nodes()) {
                if (node.kind() == PlanNode.Kind.ACTION) {
                    assertEquals("AGENCY:" + fx.school, node.get(PlanField.OWNER), "only the school's actions: " + node);
                } else {
                    assertEquals("", node.get(PlanField.TITLE), "a goal is there only to hold the school's actions: " + node);
                }
            }
            assertTrue(teacher.plan().node(own).isPresent());
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
        }
    }

    @Test
    void an_edit_to_an_action_the_school_cannot_see_reaches_it_with_nothing_that_names_it_and_its_own_action_still_converges() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String own = schoolAction(fx.unique("Ring home at 9:30"));
        String hidden = fx.jessAction();
        String secret = fx.unique("Only for those shared the plan");
        familySharesThePlanWithTheSchool(false);
        try (LiveClient chair = LiveClient.connect(fx.chair, conference);
                LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            chair.hello();
            teacher.hello();
            // The chair types in Jess's action (which the school may not see) and comments on it...
            chair.send(Json.createObjectBuilder().add("type", "presence")
                    .add("editing", Json.createObjectBuilder().add("id", hidden).add("field", "DESCRIPTION")).build());
            int length = description(chair, hidden).length();
            chair.edit(new EditText(hidden, PlanField.DESCRIPTION, TextOperation.insertAt(length, length, " " + secret)));
            chair.settle();
            chair.send(Json.createObjectBuilder().add("type", "comment").add("id", hidden).add("text", secret).build());
            chair.next("comment");
            // ...then in the school's own action, which the school is sent.
            int ownLength = description(chair, own).length();
            chair.edit(new EditText(own, PlanField.DESCRIPTION, TextOperation.insertAt(ownLength, ownLength, " (the chair)")));
            chair.settle();
            teacher.nextMatching(m -> m.getString("type").equals("applied") && m.toString().contains(own), 5);
            assertEquals(description(chair, own), description(teacher, own), "the school's copy took the chair's edit");

            // The school's own edit, based on the revision it has, applies and both copies agree.
            teacher.edit(new EditText(own, PlanField.DESCRIPTION, TextOperation.insertAt(description(teacher, own).length(), 0, "Mondays: ")));
            teacher.settle();
            chair.nextMatching(m -> m.getString("type").equals("applied") && m.toString().contains("Mondays: "), 5);
            assertEquals(chair.plan().node(own), teacher.plan().node(own));

            teacher.drain();
            String everything = teacher.receivedOfType("applied").toString() + teacher.receivedOfType("presence")
                    + teacher.receivedOfType("comment") + teacher.receivedOfType("room") + teacher.receivedOfType("signoff")
                    + teacher.received;
            assertFalse(everything.contains(hidden), "the school was sent the id of Jess's action: " + everything);
            assertFalse(everything.contains(secret), "the school was sent what the chair typed in Jess's action");
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
        }
    }

    @Test
    void the_school_not_shared_the_plan_may_change_its_own_action_and_nothing_else() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String own = schoolAction(fx.unique("Ring home at 9:30"));
        String hidden = fx.jessAction();
        familySharesThePlanWithTheSchool(false);
        try (LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            teacher.hello();
            var refused = List.of(new SetField(hidden, PlanField.DUE_ON, "2027-02-01"),
                    new SetField(own, PlanField.OWNER, "FAMILY_MEMBER:" + fx.jess),
                    new PlanOperation.CreateGoal(UUID.randomUUID().toString(), "zz", "A goal of the school's"),
                    new EditText(fx.firstGoal, PlanField.TITLE, TextOperation.insertAt(0, 0, "x")));
            for (PlanOperation op : refused) {
                String changeId = UUID.randomUUID().toString();
                JsonObject answer = submit(teacher, changeId, op);
                assertEquals("error", answer.getString("type"), "applied: " + op);
                assertEquals("forbidden", answer.getString("code"), answer::toString);
            }
            JsonObject mine = submit(teacher, UUID.randomUUID().toString(), new SetField(own, PlanField.DUE_ON, "2027-03-31"));
            assertEquals("applied", mine.getString("type"), mine::toString);
            var stored = fx.chair.get("/families/" + fx.taylors + "/plan").json().getJsonArray("goals").stream()
                    .flatMap(g -> g.asJsonObject().getJsonArray("actions").stream()).map(v -> v.asJsonObject())
                    .filter(a -> a.getString("id").equals(own)).findFirst().orElseThrow();
            assertEquals("2027-03-31", stored.getString("dueOn"));
            assertFalse(fx.chair.get("/families/" + fx.taylors + "/plan").body().contains("A goal of the school's"));
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
        }
    }

    @Test
    void the_family_switches_sharing_off_and_on_while_the_school_is_in_the_room_and_its_view_follows_without_rejoining() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String words = fx.unique("Ring home at 9:30");
        String own = schoolAction(words);
        String goalTitle = fx.chair.get("/families/" + fx.taylors + "/plan").json().getJsonArray("goals").getJsonObject(0).getString("title");
        try (LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            JsonObject welcome = teacher.hello();
            assertFalse(welcome.getBoolean("onlyOwnActions", false));
            assertTrue(welcome.toString().contains(goalTitle), "shared: the whole plan");

            familySharesThePlanWithTheSchool(false);
            JsonObject partOf = teacher.nextMatching(m -> m.getString("type").equals("sync"), 1);
            assertTrue(partOf.getBoolean("onlyOwnActions"), partOf::toString);
            assertTrue(partOf.toString().contains(words), "its own action stays");
            for (String other : NOT_THE_SCHOOLS) {
                assertFalse(partOf.toString().contains(other), "still sent \"" + other + "\": " + partOf);
            }
            assertEquals("", teacher.plan().node(fx.firstGoal).orElseThrow().get(PlanField.TITLE), "the words it had are replaced");
            assertTrue(teacher.closedWithin(0).isEmpty(), "the school stays in the room");

            familySharesThePlanWithTheSchool(true);
            JsonObject whole = teacher.nextMatching(m -> m.getString("type").equals("sync"), 1);
            assertFalse(whole.getBoolean("onlyOwnActions"), whole::toString);
            assertEquals(goalTitle, teacher.plan().node(fx.firstGoal).orElseThrow().get(PlanField.TITLE), "the whole plan is back");
            assertTrue(teacher.isOpen());
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
        }
    }

    private static String teachersInvitee(String conference) {
        String teacherId = SharingKeepsTheMeetingWorkingIT.teacherId(fx);
        return fx.chair.get("/conferences/" + conference).json().getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> teacherId.equals(i.getString("personId", null))).findFirst().orElseThrow().getString("id");
    }

    @Test
    void the_family_sharing_the_plan_while_the_school_is_kept_out_of_a_private_part_gives_it_the_whole_plan_when_the_part_ends() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String own = schoolAction(fx.unique("Ring home at 9:30"));
        String goalTitle = fx.chair.get("/families/" + fx.taylors + "/plan").json().getJsonArray("goals").getJsonObject(0).getString("title");
        String hidden = actionOf(fx.socialCare, fx.unique("Visit at home"));
        familySharesThePlanWithTheSchool(false);
        try (LiveClient chair = LiveClient.connect(fx.chair, conference);
                LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            chair.hello();
            assertTrue(teacher.hello().getBoolean("onlyOwnActions"));
            chair.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(teachersInvitee(conference))).add("reason", "A word without the school").build());
            teacher.nextMatching(m -> m.getString("type").equals("room") && m.get("privatePart") instanceof JsonObject, 5);
            familySharesThePlanWithTheSchool(true);
            // A change the school misses while it is out, to a goal it could not see before.
            String words = fx.unique("Agreed while the school was out");
            int length = description(chair, hidden).length();
            chair.edit(new EditText(hidden, PlanField.DESCRIPTION, TextOperation.insertAt(length, length, " " + words)));
            chair.settle();
            chair.send(Json.createObjectBuilder().add("type", "endPrivate").build());
            JsonObject sync = teacher.next("sync");
            assertFalse(sync.getBoolean("onlyOwnActions"), sync::toString);
            assertTrue(sync.containsKey("plan"), "the whole plan, not changes to lay over the part it held: " + sync);
            assertTrue(sync.containsKey("comments"), "and the comments as it may see them now: " + sync);
            assertEquals(goalTitle, teacher.plan().node(fx.firstGoal).orElseThrow().get(PlanField.TITLE), "the goal's words are back");
            assertTrue(teacher.plan().node(hidden).orElseThrow().get(PlanField.DESCRIPTION).endsWith(" " + words), "with what it missed");
            assertEquals(chair.plan(), teacher.plan(), "its copy is the plan");
        } finally {
            // A private part left running would keep the school out of every conference of the family.
            Database.update("update private_part set ended_at = ? where conference_id = ? and ended_at is null",
                    java.time.OffsetDateTime.now(), UUID.fromString(conference));
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
            remove(conference, hidden);
        }
    }

    @Test
    void once_the_familys_choice_not_to_share_is_saved_nothing_more_of_the_rest_of_the_plan_reaches_the_school_in_the_room() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String own = schoolAction(fx.unique("Ring home at 9:30"));
        String hidden = actionOf(fx.socialCare, fx.unique("Visit at home"));
        String secret = fx.unique("Said after the family stopped sharing");
        try (LiveClient chair = LiveClient.connect(fx.chair, conference);
                LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            chair.hello();
            assertFalse(teacher.hello().getBoolean("onlyOwnActions", false));
            familySharesThePlanWithTheSchool(false);
            long saved = System.nanoTime();
            // Straight after the family's choice is saved, someone changes an action that is not the school's.
            int length = description(chair, hidden).length();
            chair.edit(new EditText(hidden, PlanField.DESCRIPTION, TextOperation.insertAt(length, length, " " + secret)));
            JsonObject sync = teacher.nextMatching(m -> m.getString("type").equals("sync"), 1);
            assertTrue(System.nanoTime() - saved <= TimeUnit.SECONDS.toNanos(1), "the new view within a second (protocol.md)");
            assertTrue(sync.getBoolean("onlyOwnActions"), sync::toString);
            chair.settle();
            // The school hears of its own changes still; once it has, anything before it has arrived too.
            teacher.edit(new EditText(own, PlanField.DESCRIPTION, TextOperation.insertAt(description(teacher, own).length(), 0, "Mondays: ")));
            teacher.settle();
            for (JsonObject frame : teacher.receivedOfType("applied")) {
                assertFalse(frame.toString().contains(secret) || frame.toString().contains(hidden),
                        "a change made after the family's choice was saved reached the school whole: " + frame);
            }
            assertFalse(teacher.plan().node(hidden).isPresent(), "nor is the action in its copy");
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
            remove(conference, hidden);
        }
    }

    @Test
    void the_school_shown_only_its_own_actions_hears_nothing_when_the_family_signs_its_own() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess))
                .status());
        String own = schoolAction(fx.unique("Ring home at 9:30"));
        String jessAction = fx.jessAction();
        ApiClient teacherApi = People.staff("teacher");
        familySharesThePlanWithTheSchool(false);
        try (LiveClient chair = LiveClient.connect(fx.chair, conference);
                LiveClient teacher = LiveClient.connect(teacherApi, conference)) {
            chair.hello();
            assertTrue(teacher.hello().getBoolean("onlyOwnActions"));
            Reply jessSigned = jess.post("/conferences/" + conference + "/signatures", json("actionId", jessAction,
                    "contentHash", contentHash(jess, conference, jessAction)));
            assertEquals(200, jessSigned.status(), jessSigned::toString);
            chair.nextMatching(m -> m.getString("type").equals("signoff") && m.toString().contains(jessAction), 5);
            // Then the school signs its own: frames reach a connection in order, so any about Jess's came first.
            Reply schoolSigned = teacherApi.post("/conferences/" + conference + "/signatures", json("actionId", own,
                    "contentHash", contentHash(teacherApi, conference, own)));
            assertEquals(200, schoolSigned.status(), schoolSigned::toString);
            JsonObject ownSignOff = teacher.nextMatching(m -> m.getString("type").equals("signoff"), 5);
            assertTrue(ownSignOff.toString().contains(own), ownSignOff::toString);
            assertEquals(1, teacher.receivedOfType("signoff").size(),
                    "the school was told when the family signed: " + teacher.receivedOfType("signoff"));
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
        }
    }

    private static String contentHash(ApiClient who, String conference, String action) {
        return who.get("/conferences/" + conference + "/sign-off").json().getJsonArray("actions").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("actionId").equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no sign-off line for " + action)).getString("contentHash");
    }

    @Test
    void the_school_seeing_only_its_own_actions_is_still_put_out_of_the_room_when_its_invitation_is_removed() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String teacherId = SharingKeepsTheMeetingWorkingIT.teacherId(fx);
        String invitee = fx.chair.get("/conferences/" + conference).json().getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> teacherId.equals(i.getString("personId", null))).findFirst().orElseThrow().getString("id");
        familySharesThePlanWithTheSchool(false);
        try (LiveClient teacher = LiveClient.connect(People.staff("teacher"), conference)) {
            assertTrue(teacher.hello().getBoolean("onlyOwnActions", false));
            assertEquals(200, fx.chair.delete("/conferences/" + conference + "/invitees/" + invitee).status());
            var reason = teacher.closedWithin(2).orElseThrow(() -> new AssertionError("still in the room after the invitation was removed"));
            assertEquals(4403, reason.getCloseCode().getCode());
        } finally {
            familySharesThePlanWithTheSchool(true);
        }
    }

    @Test
    void on_the_live_page_the_school_is_told_in_plain_words_that_it_sees_only_its_own_actions_on_a_phone_and_a_desktop() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String words = fx.unique("The school rings home at 9:30");
        String own = schoolAction(words);
        familySharesThePlanWithTheSchool(false);
        try (Browser teacher = new Browser()) {
            teacher.resize(360, 800);
            teacher.signInAsStaff("teacher");
            teacher.open("/conferences/" + conference + "/live");
            teacher.waitForText(By.id("only-own-actions"),
                    "The family has not shared the whole plan with your agency. You can see and change your agency's actions.");
            teacher.waitForValue(teacher.openField(own, "DESCRIPTION"), words);
            String plan = (String) teacher.script("return document.getElementById('live-plan').innerText + [...document"
                    + ".querySelectorAll('#live-plan input, #live-plan textarea')].map(e => e.value).join(' ')");
            for (String other : NOT_THE_SCHOOLS) {
                assertFalse(plan.contains(other), "the page shows \"" + other + "\"");
            }
            assertTrue(teacher.driver().findElements(By.id("add-goal")).isEmpty(), "no new goals from an agency that cannot see them");
            teacher.assertAccessibleOnPhoneAndDesktop();
            teacher.screenshots("live-only-own-actions");
        } finally {
            familySharesThePlanWithTheSchool(true);
            remove(conference, own);
        }
    }
}
