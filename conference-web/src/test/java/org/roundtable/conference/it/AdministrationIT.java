package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * Setting a council up: staff who choose their own passwords, sign-ins an administrator can
 * reset, agencies' contact details, and whom a family can call.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class AdministrationIT {

    private static final String PASSWORD = "correct horse battery";
    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
    }

    /** An administrator adds someone the usual way, by email; returns their view. */
    private static JsonObject addStaff(String email, Object roles) {
        Reply added = fx.admin.post("/agencies/" + fx.housing + "/staff", json("fullName", "Robin Hale", "email", email,
                "phone", "01632 960 123", "roles", roles == null ? Json.createArrayBuilder().build() : roles));
        assertEquals(201, added.status(), added::toString);
        return added.json();
    }

    private static int signIn(String username, String password) {
        return new ApiClient().post("/auth/sign-in", json("username", username, "password", password)).status();
    }

    @Test
    void nobody_can_sign_in_as_a_new_member_of_staff_until_they_set_their_own_password_from_the_emailed_link() {
        String email = fx.unique("robin").toLowerCase() + "@example.org";
        var staff = addStaff(email, null);
        String username = staff.getString("username");
        assertEquals(email.substring(0, email.indexOf('@')), username, "the username is made from the email address");
        var mail = Mailbox.body(Mailbox.latest(email, "Set your Roundtable password"));
        assertTrue(mail.contains("Your username is: " + username), mail);
        assertEquals(401, signIn(username, People.DEMO_PASSWORD), "no password anyone knows signs them in");
        assertEquals(401, signIn(username, username), "nor their own username");

        String token = Mailbox.latestPasswordToken(email);
        var check = new ApiClient().post("/auth/password-setup/check", json("token", token));
        assertEquals(200, check.status(), check::toString);
        assertEquals("Robin Hale", check.json().getString("fullName"));

        var tooShort = new ApiClient().post("/auth/password-setup", json("token", token, "password", "short"));
        assertEquals(400, tooShort.status());
        assertEquals("password", tooShort.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        assertEquals(200, new ApiClient().post("/auth/password-setup", json("token", token, "password", PASSWORD)).status());
        assertEquals(200, signIn(username, PASSWORD));

        var again = new ApiClient().post("/auth/password-setup", json("token", token, "password", "someone else's password"));
        assertEquals(409, again.status(), "the link works once");
        assertTrue(again.detail().contains("already been used"), again.detail());
        assertEquals(200, signIn(username, PASSWORD), "and the second try changed nothing");
    }

    @Test
    void an_expired_password_link_is_refused_and_sets_nothing() {
        String email = fx.unique("late").toLowerCase() + "@example.org";
        String username = addStaff(email, null).getString("username");
        String token = Mailbox.latestPasswordToken(email);
        Database.update("update password_setup set expires_at = now() - interval '1 minute' where staff_id = "
                + "(select id from staff_member where username = ?)", username);
        var refused = new ApiClient().post("/auth/password-setup", json("token", token, "password", PASSWORD));
        assertEquals(409, refused.status());
        assertTrue(refused.detail().contains("expired"), refused.detail());
        assertEquals(401, signIn(username, PASSWORD));
    }

    @Test
    void resetting_a_sign_in_stops_the_old_password_ends_every_session_and_withdraws_older_links() {
        String email = fx.unique("reset").toLowerCase() + "@example.org";
        var staff = addStaff(email, null);
        String username = staff.getString("username");
        String first = Mailbox.latestPasswordToken(email);
        new ApiClient().post("/auth/password-setup", json("token", first, "password", PASSWORD));
        var signedIn = People.staff(username, PASSWORD);
        assertEquals(200, signedIn.get("/auth/me").status());

        var reset = fx.admin.post("/staff/" + staff.getString("id") + "/sign-in-reset", null);
        assertEquals(200, reset.status(), reset::toString);
        assertEquals(401, signedIn.get("/auth/me").status(), "the session ended at once");
        assertEquals(401, signIn(username, PASSWORD), "the old password no longer works");
        String second = Mailbox.latestPasswordToken(email);
        assertTrue(Mailbox.body(Mailbox.latest(email, "Set a new Roundtable password")).contains("reset"));

        fx.admin.post("/staff/" + staff.getString("id") + "/sign-in-reset", null);
        assertEquals(409, new ApiClient().post("/auth/password-setup/check", json("token", second)).status(),
                "a newer link makes the older one useless");
        String third = Mailbox.latestPasswordToken(email);
        assertEquals(200, new ApiClient().post("/auth/password-setup", json("token", third, "password", "a brand new passphrase")).status());
        assertEquals(200, signIn(username, "a brand new passphrase"));
    }

    @Test
    void an_agency_with_a_wrong_phone_number_or_email_address_is_refused_beside_each_field_and_nothing_is_saved() {
        long before = Database.count("select count(*) from agency");
        String name = fx.unique("Careless agency");
        var refused = fx.admin.post("/agencies", json("name", name, "kind", "HEALTH", "contactPhone", "ring the office",
                "contactEmail", "not an address"));
        assertEquals(400, refused.status(), refused::toString);
        var fields = refused.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.contains("contactPhone") && fields.contains("contactEmail"), fields.toString());
        assertEquals(before, Database.count("select count(*) from agency"));

        var made = fx.admin.post("/agencies", json("name", name, "kind", "HEALTH", "contactPhone", "01632 960 001",
                "contactEmail", "health@example.org"));
        assertEquals(201, made.status(), made::toString);
        assertEquals("01632 960 001", fx.admin.get("/agencies/" + made.json().getString("id")).json().getString("contactPhone"));
    }

    @Test
    void staff_of_another_agency_see_only_the_names_of_active_practitioners() {
        var housingOfficer = People.staff("housing.officer");
        var listed = housingOfficer.get("/agencies/" + fx.health + "/practitioners");
        assertEquals(200, listed.status(), listed::toString);
        var grace = listed.structure().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("fullName").equals("Grace Mensah")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("id", "fullName"), grace.keySet(), "no email, username or roles");
        assertEquals(403, housingOfficer.get("/agencies/" + fx.health + "/staff").status(), "the full staff list stays refused");

        String gone = fx.freshStaff();
        fx.admin.put("/staff/" + gone, json("fullName", "Fresh Person", "email", "gone@example.org",
                "roles", Json.createArrayBuilder().build(), "active", false));
        assertFalse(housingOfficer.get("/agencies/" + fx.housing + "/practitioners").body().contains(gone),
                "a deactivated account is not offered as a lead practitioner");
    }

    @Test
    void the_family_sees_its_lead_worker_and_chair_with_their_agency_and_how_to_reach_them() {
        var agency = fx.admin.get("/agencies/" + fx.socialCare).json();
        fx.admin.put("/agencies/" + fx.socialCare, json("name", agency.getString("name"), "kind", agency.getString("kind"),
                "contactPhone", "01632 960 500", "contactEmail", "duty@riverside.example"));
        var jess = People.signedIn(Role.FAMILY_MEMBER);
        var contacts = jess.get("/families/" + fx.taylors + "/staff-contacts");
        assertEquals(200, contacts.status(), contacts::toString);
        var people = contacts.structure().asJsonArray().stream().map(v -> v.asJsonObject()).toList();
        var lead = people.stream().filter(p -> p.getString("role").equals("LEAD_WORKER")).findFirst().orElseThrow();
        assertEquals("Sam Okafor", lead.getString("fullName"));
        assertEquals("Riverside Children's Services", lead.getString("agencyName"));
        assertEquals("01632 960 500", lead.getString("phone"), "the agency's number when the worker has none of their own");
        assertTrue(lead.getString("email").contains("@"));
        var chair = people.stream().filter(p -> p.getString("role").equals("CHAIR")).findFirst().orElseThrow();
        assertEquals("Priya Shah", chair.getString("fullName"));
        assertEquals(404, People.signedIn(Role.OTHER_FAMILY_MEMBER).get("/families/" + fx.taylors + "/staff-contacts").status());
    }

    @Test
    void the_worker_a_family_is_shown_as_its_lead_worker_is_the_one_who_may_add_its_members() {
        var socialWorker = People.staff("social.worker");
        Reply opened = socialWorker.post("/families", json("name", fx.unique("Quinn family")));
        assertEquals(201, opened.status(), opened::toString);
        String family = "/families/" + opened.json().getString("id");
        // The health visitors have known the family longer; children's social care still leads the case.
        Reply joined = socialWorker.post(family + "/involvements", json("agencyId", fx.health, "leadPractitionerId", fx.healthVisitor,
                "startsOn", LocalDate.now().minusMonths(1).toString()));
        assertEquals(201, joined.status(), joined::toString);
        var shown = socialWorker.get(family + "/staff-contacts").structure().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("role").equals("LEAD_WORKER")).map(p -> p.getString("fullName")).toList();
        assertEquals(java.util.List.of("Sam Okafor"), shown);

        Reply added = socialWorker.post(family + "/members", json("fullName", "Rae Quinn", "relationship", "Mother"));
        assertEquals(201, added.status(), "the lead worker the family is shown adds its members: " + added);
        assertEquals("Mother", added.json().getString("relationship"));
        assertEquals(403, People.staff("health.visitor").post(family + "/members", json("fullName", "Kit Quinn")).status());
    }

    @Test
    void a_way_of_contact_that_cannot_be_used_or_an_unknown_advocates_organisation_is_refused_and_nothing_is_stored() {
        String family = "/families/" + fx.taylors;
        long members = Database.count("select count(*) from family_member");
        Reply noPhone = fx.chair.post(family + "/members", json("fullName", "Lee Taylor", "relationship", "Uncle", "preferredContact", "TEXT_MESSAGE"));
        assertEquals(400, noPhone.status(), noPhone::toString);
        assertEquals("phone", noPhone.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply unknownWay = fx.chair.post(family + "/members", json("fullName", "Lee Taylor", "preferredContact", "PIGEON"));
        assertEquals("preferredContact", unknownWay.json().getJsonArray("errors").getJsonObject(0).getString("field"), unknownWay::toString);
        assertEquals(members, Database.count("select count(*) from family_member"));

        long advocates = Database.count("select count(*) from advocate");
        Reply unknown = fx.chair.post(family + "/advocates", json("fullName", "Ash Green", "email", fx.unique("ash").toLowerCase() + "@example.org",
                "startsOn", LocalDate.now().toString(), "organisationId", "00000000-0000-4000-8000-000000000000"));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("organisationId", unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(advocates, Database.count("select count(*) from advocate"));
    }

    @Test
    void an_invitation_link_tells_the_page_which_meeting_to_open_after_the_code() {
        String token = SignInIT.sendInvitationTo(fx.chair, "FAMILY_MEMBER");
        var redeemed = new ApiClient().post("/auth/invitations/redeem", json("token", token));
        assertEquals(200, redeemed.status(), redeemed::toString);
        assertEquals("/conferences/" + fx.conference, redeemed.json().getString("next"));
    }

    @Test
    void only_an_administrator_adds_staff_or_resets_a_sign_in() {
        var chair = People.signedIn(Role.CHAIR);
        assertEquals(403, chair.post("/staff/" + fx.housingOfficer + "/sign-in-reset", null).status());
        assertEquals(403, chair.post("/agencies/" + fx.housing + "/staff", json("fullName", "Sneaky", "email", "sneaky@example.org",
                "roles", Json.createArrayBuilder().add("ADMINISTRATOR").build())).status());
        assertNull(Database.text("select id from staff_member where email = 'sneaky@example.org'"));
    }
}
