package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * Scheduling from the pages' point of view, through the API they call: bad input is refused
 * with errors beside the fields and nothing saved; invitations carry when, where, how, who and
 * why with a calendar file; answers reach the chair; reschedules, cancellations and reminders
 * reach the people invited; closing needs everyone's attendance.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SchedulingIT {

    private static final String JESS = "jess.taylor@example.org";
    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
    }

    private static long conferencesOfTheTaylors() {
        return Database.count("select count(*) from conference where family_id = ?", UUID.fromString(fx.taylors));
    }

    private static JsonObject schedule(String start, jakarta.json.JsonArray invitees, jakarta.json.JsonArray agenda) {
        return json("familyId", fx.taylors, "kind", "CORE_GROUP", "scheduledStart", start, "venue", "Riverside Family Centre, Room 2",
                "invitees", invitees, "agenda", agenda);
    }

    private static jakarta.json.JsonArray people(JsonObject... invitees) {
        var array = Json.createArrayBuilder();
        for (JsonObject i : invitees) {
            array.add(i);
        }
        return array.build();
    }

    private static JsonObject jess() {
        return json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess);
    }

    private static String inTwoWeeks() {
        return Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    private static String fieldOf(Reply reply, int n) {
        return reply.json().getJsonArray("errors").getJsonObject(n).getString("field");
    }

    @Test
    void a_conference_in_the_past_is_refused_beside_its_date_and_nothing_is_saved() {
        long before = conferencesOfTheTaylors();
        Reply reply = fx.chair.post("/conferences", schedule(Instant.now().minus(1, ChronoUnit.DAYS).toString(), people(jess()),
                Json.createArrayBuilder().add("Welcome").build()));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("scheduledStart", fieldOf(reply, 0));
        assertEquals("The date and time must be in the future", reply.detail());
        assertEquals(before, conferencesOfTheTaylors());
    }

    @Test
    void staff_of_an_agency_not_working_with_the_family_are_refused_and_nothing_is_saved() {
        long before = conferencesOfTheTaylors();
        Reply reply = fx.chair.post("/conferences", schedule(inTwoWeeks(),
                people(jess(), json("role", "AGENCY_STAFF", "staffMemberId", fx.housingOfficer)), Json.createArrayBuilder().add("Welcome").build()));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invitees", fieldOf(reply, 0));
        assertTrue(reply.detail().contains("Riverside Housing, which is not working with this family"), reply.detail());
        assertEquals(before, conferencesOfTheTaylors());
    }

    @Test
    void an_empty_agenda_item_is_refused_beside_that_item_and_nothing_is_saved() {
        long before = conferencesOfTheTaylors();
        Reply reply = fx.chair.post("/conferences", schedule(inTwoWeeks(), people(jess()),
                Json.createArrayBuilder().add("Welcome").add("   ").add("Next steps").build()));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("agenda-1", fieldOf(reply, 0));
        assertEquals("Agenda item 2 is empty. Write it, or remove it", reply.detail());
        assertEquals(before, conferencesOfTheTaylors());
    }

    @Test
    void inviting_the_same_person_twice_is_refused_and_nothing_is_saved() {
        long before = conferencesOfTheTaylors();
        Reply reply = fx.chair.post("/conferences", schedule(inTwoWeeks(), people(jess(), jess()), Json.createArrayBuilder().add("Welcome").build()));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invitees", fieldOf(reply, 0));
        assertEquals("Jess Taylor is invited twice. Invite each person once", reply.detail());
        assertEquals(before, conferencesOfTheTaylors());
    }

    @Test
    void every_problem_is_reported_at_once() {
        Reply reply = fx.chair.post("/conferences", schedule(Instant.now().minus(1, ChronoUnit.HOURS).toString(), people(jess(), jess()),
                Json.createArrayBuilder().add("").build()));
        assertEquals(400, reply.status());
        var fields = reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertEquals(List.of("scheduledStart", "invitees", "agenda-0"), fields);
    }

    @Test
    void a_scheduled_conference_keeps_where_and_how_its_invitees_and_its_agenda_in_order() {
        Reply reply = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "INITIAL_CHILD_PROTECTION",
                "scheduledStart", inTwoWeeks(), "venue", "Town Hall, Room 1", "joinLink", "https://meet.example/rt-1",
                "dialIn", "0300 000 0000, code 1234", "invitees", people(jess(), json("role", "AGENCY_STAFF", "staffMemberId", fx.healthVisitor)),
                "agenda", Json.createArrayBuilder().add("Welcome").add("How Ryan is doing").add("The plan").build()));
        assertEquals(201, reply.status(), reply::toString);
        var view = reply.json();
        assertEquals("Town Hall, Room 1", view.getString("venue"));
        assertEquals("https://meet.example/rt-1", view.getString("joinLink"));
        assertEquals("0300 000 0000, code 1234", view.getString("dialIn"));
        assertEquals(List.of("Welcome", "How Ryan is doing", "The plan"),
                view.getJsonArray("agenda").stream().map(a -> a.asJsonObject().getString("title")).toList());
        assertEquals(List.of("Priya Shah", "Jess Taylor", "Grace Mensah"),
                view.getJsonArray("invitees").stream().map(a -> a.asJsonObject().getString("name")).toList());
        assertTrue(view.getJsonArray("invitees").stream().skip(1).allMatch(i -> i.asJsonObject().getString("invitation").equals("NOT_SENT")));
    }

    @Test
    void the_invitation_says_when_where_how_who_and_why_and_carries_a_calendar_file_in_utc() {
        String id = scheduledWithJess(inTwoWeeks());
        assertEquals(200, fx.chair.post("/conferences/" + id + "/invitations", null).status());
        var email = Mailbox.latest(JESS, "invited");
        String body = Mailbox.body(email);
        for (String expected : List.of("In person: Riverside Family Centre, Room 2", "Online: https://meet.example/rt-2",
                "What it is for: a smaller meeting to check how the plan is going", "Chair: Priya Shah (Riverside Children's Services)",
                "Family: Jess Taylor", "Contact the chair: Priya Shah", "I need an interpreter or other help", "/invite?token=")) {
            assertTrue(body.contains(expected), "the invitation says \"" + expected + "\":\n" + body);
        }
        // Long lines are folded (RFC 5545 3.1): unfold before reading.
        String ics = Mailbox.attachment(email, "meeting.ics").replace("\r\n ", "");
        String start = fx.chair.get("/conferences/" + id).json().getString("scheduledStart");
        String utc = Instant.parse(start).toString().replace("-", "").replace(":", "").replace(".000", "");
        assertTrue(ics.contains("DTSTART:" + utc.substring(0, 15) + "Z\r\n"), ics);
        assertTrue(ics.contains("LOCATION:In person: Riverside Family Centre\\, Room 2\\; Online: https://meet.example/rt-2"), ics);
        var invitee = fx.chair.get("/conferences/" + id).json().getJsonArray("invitees").getJsonObject(1);
        assertEquals("INVITED", invitee.getString("invitation"));

        Reply download = fx.chair.get("/conferences/" + id + "/calendar");
        assertEquals(200, download.status());
        assertTrue(download.contentType().startsWith("text/calendar"), download.contentType());
    }

    @Test
    void the_family_answers_from_the_link_without_using_it_up_and_the_chair_sees_the_status_and_the_help_needed() {
        String id = scheduledWithJess(inTwoWeeks());
        fx.chair.post("/conferences/" + id + "/invitations", null);
        String token = Mailbox.latestInvitationToken(JESS);
        var anyone = new ApiClient();
        var page = anyone.post("/invitations/page", json("token", token)).json();
        assertEquals("VALID", page.getString("state"));
        assertTrue(page.getJsonArray("whoWillBeThere").toString().contains("Chair: Priya Shah"));
        assertEquals("OPENED", jessOn(id).getString("invitation"));

        int chairMails = Mailbox.count(chairEmail(), "Reply from Jess Taylor");
        Reply help = anyone.post("/invitations/reply", Json.createObjectBuilder().add("token", token)
                .add("reply", Json.createObjectBuilder().add("answer", "NEEDS_HELP").add("language", "Polish").add("accessNeeds", "Step-free access")).build());
        assertEquals(204, help.status(), help::toString);
        assertEquals("Polish", jessOn(id).getString("interpreterLanguage"));
        assertEquals("Step-free access", jessOn(id).getString("accessNeeds"));
        Reply cannot = anyone.post("/invitations/reply", Json.createObjectBuilder().add("token", token)
                .add("reply", Json.createObjectBuilder().add("answer", "CANT_COME").add("reason", "I work on Tuesdays")).build());
        assertEquals(204, cannot.status(), cannot::toString);
        assertEquals("CANT_COME", jessOn(id).getString("invitation"));
        assertEquals("I work on Tuesdays", jessOn(id).getString("cantComeReason"));
        assertEquals(chairMails + 2, Mailbox.count(chairEmail(), "Reply from Jess Taylor"), "the chair is told of each answer");
        assertEquals(200, new ApiClient().post("/auth/invitations/redeem", json("token", token)).status(), "answering did not use the link up");

        var used = new ApiClient().post("/invitations/page", json("token", token)).json();
        assertEquals("USED", used.getString("state"));
        assertFalse(used.toString().contains("Riverside Family Centre"), "a used link shows what happened, not the meeting");
    }

    @Test
    void an_answer_without_its_reason_is_refused_beside_the_field() {
        String id = scheduledWithJess(inTwoWeeks());
        fx.chair.post("/conferences/" + id + "/invitations", null);
        String token = Mailbox.latestInvitationToken(JESS);
        Reply reply = new ApiClient().post("/invitations/reply", Json.createObjectBuilder().add("token", token)
                .add("reply", Json.createObjectBuilder().add("answer", "CANT_COME")).build());
        assertEquals(400, reply.status());
        assertEquals("reason", fieldOf(reply, 0));
        assertEquals("INVITED", jessOn(id).getString("invitation"));
    }

    @Test
    void a_reply_to_an_invitation_of_a_cancelled_conference_is_refused_clearly_and_everyone_invited_is_told() {
        String id = scheduledWithJess(inTwoWeeks());
        fx.chair.post("/conferences/" + id + "/invitations", null);
        String token = Mailbox.latestInvitationToken(JESS);
        int before = Mailbox.count(JESS, "Cancelled");
        Reply cancelled = fx.chair.post("/conferences/" + id + "/cancel", json("reason", "The chair is ill; a new date will follow."));
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals(before + 1, Mailbox.count(JESS, "Cancelled"));
        assertTrue(Mailbox.body(Mailbox.latest(JESS, "Cancelled")).contains("The chair is ill; a new date will follow."));

        Reply byLink = new ApiClient().post("/invitations/reply", Json.createObjectBuilder().add("token", token)
                .add("reply", Json.createObjectBuilder().add("answer", "COMING")).build());
        assertEquals(409, byLink.status());
        assertTrue(byLink.detail().contains("This meeting has been cancelled"), byLink.detail());
        Reply signedIn = People.signedIn(Role.FAMILY_MEMBER).post("/conferences/" + id + "/reply", json("answer", "COMING"));
        assertEquals(409, signedIn.status());
        assertEquals("INVITED", jessOn(id).getString("invitation"), "nothing was saved");
        var page = new ApiClient().post("/invitations/page", json("token", token)).json();
        assertEquals("CANCELLED", page.getString("state"));
        assertEquals(409, fx.chair.post("/conferences/" + id + "/invitations", null).status(), "no invitations for a cancelled conference");
    }

    @Test
    void rescheduling_tells_everyone_invited_with_the_new_time_and_a_new_calendar_entry() {
        String id = scheduledWithJess(inTwoWeeks());
        fx.chair.post("/conferences/" + id + "/invitations", null);
        String later = Instant.now().plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        Reply past = fx.chair.put("/conferences/" + id + "/arrangements", json("kind", "CORE_GROUP",
                "scheduledStart", Instant.now().minus(2, ChronoUnit.DAYS).toString(), "venue", "Elsewhere"));
        assertEquals(400, past.status());
        assertEquals("scheduledStart", fieldOf(past, 0));
        assertEquals("Riverside Family Centre, Room 2", fx.chair.get("/conferences/" + id).json().getString("venue"), "nothing was saved");

        Reply moved = fx.chair.put("/conferences/" + id + "/arrangements", json("kind", "CORE_GROUP", "scheduledStart", later,
                "venue", "Oakfield Primary School, the library"));
        assertEquals(200, moved.status(), moved::toString);
        var email = Mailbox.latest(JESS, "Changed");
        assertTrue(Mailbox.body(email).contains("Oakfield Primary School, the library"), Mailbox.body(email));
        String ics = Mailbox.attachment(email, "meeting.ics").replace("\r\n ", "");
        assertTrue(ics.contains("UID:conference-" + id + "@roundtable"), ics);
        assertTrue(ics.contains("DTSTART:" + later.replace("-", "").replace(":", "").substring(0, 15) + "Z"), ics);
    }

    @Test
    void closing_without_everyones_attendance_or_a_decision_is_refused_and_the_record_stays_open() {
        String id = scheduledWithJess(inTwoWeeks());
        assertEquals(200, fx.chair.put("/conferences/" + id, json("kind", "CORE_GROUP",
                "scheduledStart", fx.chair.get("/conferences/" + id).json().getString("scheduledStart"), "status", "LIVE")).status());
        Reply noAttendance = fx.chair.post("/conferences/" + id + "/close", json("decisions", Json.createArrayBuilder().add("Carry on.").build()));
        assertEquals(400, noAttendance.status());
        String jessInvitee = jessOn(id).getString("id");
        assertEquals("attendance-" + jessInvitee, fieldOf(noAttendance, 0));
        assertEquals("Say whether Jess Taylor came", noAttendance.detail());
        Reply noDecision = fx.chair.post("/conferences/" + id + "/close", Json.createObjectBuilder()
                .add("attendance", Json.createArrayBuilder().add(Json.createObjectBuilder().add("inviteeId", jessInvitee).add("attendance", "APOLOGIES")))
                .build());
        assertEquals(400, noDecision.status());
        assertEquals("decisions", fieldOf(noDecision, 0));
        Reply byStatus = fx.chair.put("/conferences/" + id, json("kind", "CORE_GROUP",
                "scheduledStart", fx.chair.get("/conferences/" + id).json().getString("scheduledStart"), "status", "CLOSED"));
        assertEquals(400, byStatus.status(), "closing by status alone records nobody's attendance");
        assertEquals("LIVE", fx.chair.get("/conferences/" + id).json().getString("status"));
        assertEquals(0, Database.count("select count(*) from conference_record where conference_id = ?", UUID.fromString(id)));
    }

    @Test
    void families_and_advocates_invited_to_a_meeting_tomorrow_are_reminded_the_day_before() {
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.now(zone);
        String tomorrow = ZonedDateTime.of(today.plusDays(1), LocalTime.of(10, 30), zone).toInstant().toString();
        String id = scheduledWithJess(tomorrow);
        fx.chair.post("/conferences/" + id + "/invitations", null);
        Database.update("delete from daily_job_run where job = 'meeting-reminders'");
        int before = Mailbox.count(JESS, "Reminder: meeting about your family tomorrow");
        assertEquals(200, fx.admin.post("/admin/reminders/run", null).status());
        assertEquals(before + 1, Mailbox.count(JESS, "Reminder: meeting about your family tomorrow"));
        var reminder = Mailbox.latest(JESS, "Reminder: meeting about your family tomorrow");
        assertTrue(Mailbox.body(reminder).contains("Riverside Family Centre, Room 2"));
        Mailbox.attachment(reminder, "meeting.ics");
        assertEquals(200, fx.admin.post("/admin/reminders/run", null).status());
        assertEquals(before + 1, Mailbox.count(JESS, "Reminder: meeting about your family tomorrow"), "once a day");
    }

    private static String chairEmail() {
        return fx.admin.get("/agencies/" + fx.socialCare + "/staff").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("username").equals("chair")).findFirst().orElseThrow().getString("email");
    }

    private static JsonObject jessOn(String conferenceId) {
        return fx.chair.get("/conferences/" + conferenceId).json().getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("name").equals("Jess Taylor")).findFirst().orElseThrow();
    }

    private static String scheduledWithJess(String start) {
        Reply reply = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "CORE_GROUP", "scheduledStart", start,
                "venue", "Riverside Family Centre, Room 2", "joinLink", "https://meet.example/rt-2",
                "invitees", people(jess()), "agenda", Json.createArrayBuilder().add("Welcome").build()));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }
}
