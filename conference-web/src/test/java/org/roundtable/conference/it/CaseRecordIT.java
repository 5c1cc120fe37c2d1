package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/** The case record through the API: what it accepts, what it refuses, and that a refusal changes nothing. */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class CaseRecordIT {

    private static DemoFixture fx;
    private static ApiClient worker;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
        worker = People.signedIn(Role.INVOLVED_STAFF);
    }

    @Test
    void a_worker_opens_a_case_adds_a_member_and_suggests_a_correction_for_the_family_to_accept() {
        Reply opened = worker.post("/families", json("name", "Okafor-Lee family", "reference", "RT-0900"));
        assertEquals(201, opened.status(), opened::toString);
        String family = opened.json().getString("id");
        Reply added = worker.post("/families/" + family + "/members", json("fullName", "Kemi Okafor-Lee",
                "dateOfBirth", "1990-04-01", "email", "kemi@example.org", "preferredLanguage", "Yoruba"));
        assertEquals(201, added.status(), added::toString);
        String member = added.json().getString("id");
        assertEquals(403, worker.put("/families/" + family + "/members/" + member, json("fullName", "Kemi Okafor-Lee",
                "dateOfBirth", "1990-04-01", "phone", "07700 900999")).status(), "once given, details are the family's to change");
        Reply suggested = worker.post("/families/" + family + "/details/members/" + member + "/proposals",
                json("field", "PHONE", "value", "07700 900999", "reason", "Kemi gave this number at the visit."));
        assertEquals(201, suggested.status(), suggested::toString);
        assertEquals("PENDING", suggested.json().getString("status"));
        var view = worker.get("/families/" + family).json();
        assertEquals(null, view.getJsonArray("members").getJsonObject(0).getString("phone", null), "nothing changes until the family accepts");
        assertEquals("Sam Okafor", view.getJsonArray("involvements").getJsonObject(0).getString("leadPractitionerName"),
                "the worker who opens a case leads it for their agency");
    }

    @Test
    void invalid_details_are_refused_field_by_field_and_nothing_is_stored() {
        long members = Database.count("select count(*) from family_member");
        Reply reply = worker.post("/families/" + fx.taylors + "/members", json("fullName", " ",
                "dateOfBirth", LocalDate.now().plusDays(3).toString(), "email", "not-an-email"));
        assertEquals(400, reply.status());
        var fields = reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(java.util.List.of("fullName", "dateOfBirth", "email")), fields.toString());
        assertEquals(members, Database.count("select count(*) from family_member"));
    }

    @Test
    void values_of_the_wrong_type_are_a_bad_request() {
        Reply badDate = worker.post("/families/" + fx.taylors + "/contacts", json("happenedOn", "last Tuesday", "kind", "CALL", "summary", "x"));
        assertEquals(400, badDate.status());
        Reply badKind = worker.post("/families/" + fx.taylors + "/contacts", json("happenedOn", "2026-01-01", "kind", "CARRIER_PIGEON", "summary", "x"));
        assertEquals(400, badKind.status());
        assertTrue(badKind.contentType().startsWith("application/problem+json"));
        Reply notJson = worker.send("POST", "/families", "name=Smith", true);
        assertEquals(400, notJson.status());
    }

    @Test
    void unknown_ids_and_unknown_addresses_are_not_found() {
        assertEquals(404, worker.get("/families/" + UUID.randomUUID()).status());
        assertEquals(404, worker.get("/families/not-a-uuid").status());
        assertEquals(404, People.signedIn(Role.FAMILY_MEMBER).put("/families/" + fx.taylors + "/members/" + UUID.randomUUID(),
                json("fullName", "X")).status());
        Reply nowhere = worker.get("/no-such-thing");
        assertEquals(404, nowhere.status());
        assertTrue(nowhere.contentType().startsWith("application/problem+json"));
    }

    @Test
    void lists_come_in_pages_and_bad_paging_is_explained() {
        Reply first = worker.get("/families/" + fx.taylors + "/contacts?page=0&size=2");
        assertEquals(200, first.status());
        JsonObject page = first.json();
        assertEquals(2, page.getJsonArray("items").size());
        assertTrue(page.getInt("total") >= 6);
        Reply second = worker.get("/families/" + fx.taylors + "/contacts?page=1&size=2");
        assertFalse(page.getJsonArray("items").get(0).equals(second.json().getJsonArray("items").get(0)));
        assertEquals(400, worker.get("/families?size=abc").status());
        assertEquals(400, worker.get("/families?size=1000").status());
        assertEquals("size", worker.get("/families?size=0").json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, worker.get("/families?page=-1").status());
    }

    @Test
    void staff_lose_sight_of_a_family_the_day_their_agencys_involvement_ends() {
        String family = worker.post("/families", json("name", fx.unique("Ending"))).json().getString("id");
        String involvementId = worker.get("/families/" + family).json().getJsonArray("involvements").getJsonObject(0).getString("id");
        String lead = worker.get("/auth/me").json().getString("id");
        Reply ended = fx.admin.put("/families/" + family + "/involvements/" + involvementId, json("leadPractitionerId", lead,
                "startsOn", LocalDate.now().minusDays(10).toString(), "endsOn", LocalDate.now().minusDays(1).toString()));
        assertEquals(200, ended.status(), ended::toString);
        assertEquals(404, worker.get("/families/" + family).status());
        assertTrue(worker.get("/families").json().getJsonArray("items").stream()
                .noneMatch(f -> f.asJsonObject().getString("id").equals(family)));
    }

    @Test
    void an_involvement_that_ends_before_it_starts_is_refused_beside_the_end_date() {
        Reply reply = fx.admin.post("/families/" + fx.taylors + "/involvements", json("agencyId", fx.housing,
                "leadPractitionerId", fx.housingOfficer, "startsOn", "2020-05-01", "endsOn", "2020-04-01"));
        assertEquals(400, reply.status());
        assertTrue(reply.detail().contains("end date"), reply.detail());
        assertEquals("endsOn", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), "the page shows it beside the field");
    }

    @Test
    void a_lead_practitioner_must_work_for_the_involved_agency() {
        Reply reply = fx.admin.post("/families/" + fx.taylors + "/involvements", json("agencyId", fx.housing,
                "leadPractitionerId", fx.healthVisitor, "startsOn", "2001-05-01", "endsOn", "2001-06-01"));
        assertEquals(400, reply.status());
        assertEquals("leadPractitionerId", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void a_family_member_cannot_edit_an_agencys_commitment_but_can_edit_their_own() {
        var jess = People.signedIn(Role.FAMILY_MEMBER);
        Reply agencys = jess.put("/families/" + fx.taylors + "/plan/actions/" + fx.agencyAction,
                json("description", "School will not call", "ownerKind", "AGENCY", "ownerId", fx.school, "status", "DROPPED"));
        assertEquals(403, agencys.status());
        var plan = jess.get("/families/" + fx.taylors + "/plan").json();
        var own = plan.getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(a -> a.asJsonObject()).filter(a -> a.getString("ownerKind").equals("FAMILY_MEMBER")).findFirst().orElseThrow();
        Reply mine = jess.put("/families/" + fx.taylors + "/plan/actions/" + own.getString("id"),
                json("description", own.getString("description"), "ownerKind", "FAMILY_MEMBER", "ownerId", fx.jess, "status", "IN_PROGRESS"));
        assertEquals(200, mine.status(), mine::toString);
        assertTrue(worker.get("/families/" + fx.taylors + "/plan").json().getJsonArray("goals").stream()
                .flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .anyMatch(a -> a.asJsonObject().getString("id").equals(fx.agencyAction)
                        && !a.asJsonObject().getString("status").equals("DROPPED")));
    }

    @Test
    void a_family_can_ask_an_agency_to_act_but_only_as_a_proposal() {
        var jess = People.signedIn(Role.FAMILY_MEMBER);
        Reply agreed = jess.post("/families/" + fx.taylors + "/plan/goals/" + fx.firstGoal + "/actions",
                json("description", "School to run a breakfast club", "ownerKind", "AGENCY", "ownerId", fx.school, "status", "AGREED"));
        assertEquals(403, agreed.status());
        Reply proposed = jess.post("/families/" + fx.taylors + "/plan/goals/" + fx.firstGoal + "/actions",
                json("description", "School to run a breakfast club", "ownerKind", "AGENCY", "ownerId", fx.school));
        assertEquals(200, proposed.status());
        assertTrue(proposed.json().getJsonArray("goals").getJsonObject(0).getJsonArray("actions").stream()
                .anyMatch(a -> a.asJsonObject().getString("description").equals("School to run a breakfast club")
                        && a.asJsonObject().getString("status").equals("PROPOSED")));
    }

    @Test
    void an_action_cannot_be_given_to_an_agency_that_does_not_work_with_the_family() {
        Reply reply = worker.post("/families/" + fx.taylors + "/plan/goals/" + fx.firstGoal + "/actions",
                json("description", "Housing to repair boiler", "ownerKind", "AGENCY", "ownerId", fx.housing));
        assertEquals(400, reply.status());
    }

    @Test
    void every_change_to_the_plan_raises_its_revision() {
        long before = worker.get("/families/" + fx.taylors + "/plan").json().getJsonNumber("revision").longValue();
        Reply after = worker.post("/families/" + fx.taylors + "/plan/goals", json("title", fx.unique("Goal")));
        assertEquals(before + 1, after.json().getJsonNumber("revision").longValue());
    }

    @Test
    void a_closed_conference_cannot_be_closed_again_or_changed() {
        String conference = fx.freshConference();
        String path = "/conferences/" + conference;
        var view = fx.chair.get(path).json();
        assertEquals(200, fx.chair.put(path, json("kind", "CORE_GROUP", "scheduledStart", view.getString("scheduledStart"), "status", "LIVE")).status());
        assertEquals(200, fx.close(conference).status());
        Reply again = fx.chair.put(path, json("kind", "CORE_GROUP", "scheduledStart", view.getString("scheduledStart"), "status", "CLOSED"));
        assertEquals(409, again.status());
        Reply agenda = fx.chair.post(path + "/agenda", json("title", "Late item"));
        assertEquals(409, agenda.status());
        assertTrue(agenda.detail().contains("closed"), agenda.detail());
        assertEquals(0, fx.chair.get(path).json().getJsonArray("agenda").size());
    }

    @Test
    void a_conference_cannot_skip_from_scheduled_to_closed() {
        String conference = fx.freshConference();
        var view = fx.chair.get("/conferences/" + conference).json();
        Reply reply = fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP",
                "scheduledStart", view.getString("scheduledStart"), "status", "CLOSED"));
        assertEquals(409, reply.status());
    }

    @Test
    void the_chair_invites_exactly_one_person_at_a_time() {
        String conference = fx.freshConference();
        Reply none = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "AGENCY_STAFF"));
        assertEquals(400, none.status());
        Reply two = fx.chair.post("/conferences/" + conference + "/invitees",
                json("role", "AGENCY_STAFF", "staffMemberId", fx.healthVisitor, "familyMemberId", fx.jess));
        assertEquals(400, two.status());
        Reply twice = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess));
        assertEquals(200, twice.status());
        assertEquals(409, fx.chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess)).status());
        Reply outsider = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "AGENCY_STAFF", "staffMemberId", fx.housingOfficer));
        assertEquals(400, outsider.status(), "staff of an agency not working with the family are not invited");
    }

    @Test
    void staff_get_no_invitation_email_they_sign_in_with_their_password() {
        var view = fx.chair.get("/conferences/" + fx.conference).json();
        String staffInvitee = DemoFixture.idWhere(view, "invitees", "name", "Tom Reid");
        Reply reply = fx.chair.post("/conferences/" + fx.conference + "/invitees/" + staffInvitee + "/invitation", null);
        assertEquals(400, reply.status());
    }

    @Test
    void the_openapi_document_describes_the_api() {
        Reply reply = new ApiClient().execute(java.net.http.HttpRequest.newBuilder(ApiClient.BASE.resolve("/openapi?format=JSON")).build());
        assertEquals(200, reply.status());
        var paths = reply.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/families/{familyId}/plan"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/auth/sign-in"));
    }
}
