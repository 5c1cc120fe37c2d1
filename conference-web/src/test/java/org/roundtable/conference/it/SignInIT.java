package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SignInIT {

    private static final String JESS = "jess.taylor@example.org";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void staff_sign_in_with_a_password_and_get_a_protected_session_cookie() {
        var client = new ApiClient();
        var request = HttpRequest.newBuilder(ApiClient.BASE.resolve("/api/auth/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("username", "chair", "password", People.DEMO_PASSWORD).toString()))
                .build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            var session = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RT_SESSION=")).findFirst().orElseThrow();
            assertTrue(session.contains("HttpOnly"), session);
            assertTrue(session.contains("SameSite=Strict"), session);
            var csrf = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RT_CSRF=")).findFirst().orElseThrow();
            assertTrue(!csrf.contains("HttpOnly") && csrf.contains("SameSite=Strict"), csrf);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var me = People.staff("chair").get("/auth/me");
        assertEquals(200, me.status());
        assertEquals("Priya Shah", me.json().getString("name"));
        assertEquals(401, client.get("/auth/me").status());
    }

    @Test
    void behind_tls_the_session_cookie_is_marked_secure() {
        var request = HttpRequest.newBuilder(ApiClient.BASE.resolve("/api/auth/sign-in"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(json("username", "teacher", "password", People.DEMO_PASSWORD).toString()))
                .build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().allValues("Set-Cookie").stream().allMatch(c -> c.contains("; Secure")),
                    response.headers().allValues("Set-Cookie").toString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_wrong_password_and_an_unknown_username_get_the_same_answer() {
        Reply wrong = new ApiClient().post("/auth/sign-in", json("username", "teacher", "password", "not-the-password"));
        Reply unknown = new ApiClient().post("/auth/sign-in", json("username", "nobody-" + UUID.randomUUID(), "password", "whatever-it-is"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertTrue(wrong.contentType().startsWith("application/problem+json"), wrong.contentType());
        assertEquals(wrong.detail(), unknown.detail());
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_even_against_the_right_password() {
        String username = newStaffMember("locked");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, new ApiClient().post("/auth/sign-in", json("username", username, "password", "wrong-password-" + i)).status());
        }
        Reply fifth = new ApiClient().post("/auth/sign-in", json("username", username, "password", "wrong-password-5"));
        assertEquals(429, fifth.status(), fifth::toString);
        Reply right = new ApiClient().post("/auth/sign-in", json("username", username, "password", "a-long-enough-password"));
        assertEquals(429, right.status(), "a locked account is not even checked");
        assertTrue(right.detail().contains("minute"), right.detail());
    }

    @Test
    void signing_out_ends_the_session_in_every_tab_that_uses_it() {
        var tab = People.staff("teacher");
        var otherTab = tab.sameBrowser();
        assertEquals(200, otherTab.get("/auth/me").status());
        assertEquals(204, tab.post("/auth/sign-out", null).status());
        assertEquals(401, otherTab.get("/auth/me").status());
        assertEquals(401, tab.get("/auth/me").status());
    }

    @Test
    void signing_out_everywhere_ends_every_session_of_that_person() {
        var phone = People.staff("health.visitor");
        var laptop = People.staff("health.visitor");
        assertEquals(204, laptop.post("/auth/sign-out-everywhere", null).status());
        assertEquals(401, phone.get("/auth/me").status());
        assertEquals(401, laptop.get("/auth/me").status());
    }

    @Test
    void a_change_without_the_csrf_token_is_refused_and_changes_nothing() {
        var chair = People.staff("chair");
        String familyId = taylorFamilyId(chair);
        long goals = Database.count("select count(*) from plan_goal");
        Reply forged = chair.send("POST", "/families/" + familyId + "/plan/goals", json("title", "Forged goal").toString(), false);
        assertEquals(403, forged.status());
        assertEquals(goals, Database.count("select count(*) from plan_goal"));
    }

    @Test
    void a_sign_in_posted_from_another_website_is_refused() {
        var request = HttpRequest.newBuilder(ApiClient.BASE.resolve("/api/auth/sign-in"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(json("username", "chair", "password", People.DEMO_PASSWORD).toString()))
                .build();
        assertEquals(403, new ApiClient().execute(request).status());
    }

    @Test
    void a_family_member_follows_an_invitation_and_signs_in_with_the_emailed_code() {
        var chair = People.staff("chair");
        String token = sendInvitationTo(chair, "FAMILY_MEMBER");

        var jess = new ApiClient();
        Reply challenge = jess.post("/auth/invitations/redeem", json("token", token));
        assertEquals(200, challenge.status(), challenge::toString);
        assertEquals("j***@example.org", challenge.json().getString("sentTo"));
        Reply signedIn = jess.post("/auth/codes/verify", json("challengeId", challenge.json().getString("challengeId"), "code", Mailbox.latestCode(JESS)));
        assertEquals(200, signedIn.status(), signedIn::toString);
        assertEquals("FAMILY_MEMBER", signedIn.json().getString("kind"));
        assertEquals("Jess Taylor", jess.get("/auth/me").json().getString("name"));
        // Other tests schedule conferences for the Taylors too: look through the whole list, not its first page.
        demoConferenceId(jess); // fails unless her family's review conference is in her list
    }

    @Test
    void an_invitation_link_works_only_once() {
        String token = sendInvitationTo(People.staff("chair"), "FAMILY_MEMBER");
        assertEquals(200, new ApiClient().post("/auth/invitations/redeem", json("token", token)).status());
        Reply again = new ApiClient().post("/auth/invitations/redeem", json("token", token));
        assertEquals(401, again.status());
        assertTrue(again.detail().contains("already been used"), again.detail());
    }

    @Test
    void an_expired_invitation_link_is_refused_and_sends_no_code() {
        String token = sendInvitationTo(People.staff("chair"), "ADVOCATE");
        Database.update("update invitation set expires_at = now() - interval '1 minute' where used_at is null");
        int codesBefore = Mailbox.count("dee.walker@example.org");
        Reply reply = new ApiClient().post("/auth/invitations/redeem", json("token", token));
        assertEquals(401, reply.status());
        assertTrue(reply.detail().contains("expired"), reply.detail());
        assertEquals(codesBefore, Mailbox.count("dee.walker@example.org"));
    }

    @Test
    void an_expired_code_is_refused() {
        var client = new ApiClient();
        Reply challenge = client.post("/auth/codes", json("email", JESS));
        String code = Mailbox.latestCode(JESS);
        Database.update("update one_time_code set expires_at = now() - interval '1 second' where id = ?::uuid",
                challenge.json().getString("challengeId"));
        Reply reply = client.post("/auth/codes/verify", json("challengeId", challenge.json().getString("challengeId"), "code", code));
        assertEquals(401, reply.status());
        assertTrue(reply.detail().contains("expired"), reply.detail());
    }

    @Test
    void a_code_is_used_up_by_repeated_wrong_guesses() {
        var client = new ApiClient();
        Reply challenge = client.post("/auth/codes", json("email", JESS));
        String right = Mailbox.latestCode(JESS);
        String wrong = right.equals("000000") ? "111111" : "000000";
        String id = challenge.json().getString("challengeId");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.post("/auth/codes/verify", json("challengeId", id, "code", wrong)).status());
        }
        Reply late = client.post("/auth/codes/verify", json("challengeId", id, "code", right));
        assertEquals(401, late.status());
        assertTrue(late.detail().contains("not right"), late.detail());
    }

    @Test
    void a_code_works_only_once() {
        var client = new ApiClient();
        Reply challenge = client.post("/auth/codes", json("email", JESS));
        String code = Mailbox.latestCode(JESS);
        var body = json("challengeId", challenge.json().getString("challengeId"), "code", code);
        assertEquals(200, client.post("/auth/codes/verify", body).status());
        assertEquals(401, new ApiClient().post("/auth/codes/verify", body).status());
    }

    @Test
    void asking_for_a_code_does_not_reveal_whether_an_address_is_known() {
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        Reply unknown = new ApiClient().post("/auth/codes", json("email", stranger));
        Reply known = new ApiClient().post("/auth/codes", json("email", JESS));
        assertEquals(known.status(), unknown.status());
        assertEquals(known.json().keySet(), unknown.json().keySet());
        assertEquals(0, Mailbox.count(stranger));
    }

    @Test
    void sign_in_input_that_is_malformed_or_missing_is_a_clear_bad_request() {
        var client = new ApiClient();
        Reply malformed = client.send("POST", "/auth/sign-in", "{\"username\": ", true);
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));
        Reply missing = client.post("/auth/sign-in", json("username", "chair"));
        assertEquals(400, missing.status());
        assertEquals("password", missing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply noBody = client.send("POST", "/auth/sign-in", "", true);
        assertEquals(400, noBody.status(), noBody::toString);
        Reply badCode = client.post("/auth/codes/verify", json("challengeId", UUID.randomUUID().toString(), "code", "12ab56"));
        assertEquals(400, badCode.status());
        assertEquals("The code is 6 digits, like 123456", badCode.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void a_body_over_the_size_limit_is_refused() {
        String huge = json("username", "chair", "password", "x".repeat(70_000)).toString();
        Reply reply = new ApiClient().send("POST", "/auth/sign-in", huge, true);
        assertEquals(413, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
    }

    private static String newStaffMember(String prefix) {
        var admin = People.staff("admin");
        String agencyId = admin.get("/agencies?size=100").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(a -> a.getString("name").equals("Oakfield Primary School"))
                .findFirst().orElseThrow().getString("id");
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = admin.post("/agencies/" + agencyId + "/staff", json("fullName", "Test Person", "email",
                username + "@example.org", "username", username, "password", "a-long-enough-password",
                "roles", jakarta.json.Json.createArrayBuilder().build()));
        assertEquals(201, created.status(), created::toString);
        return username;
    }

    /** Looks through every page: tests that make families of their own push the Taylors off the first. */
    static String taylorFamilyId(ApiClient staff) {
        for (int page = 0; page < 1000; page++) {
            var items = staff.get("/families?size=100&page=" + page).json().getJsonArray("items");
            if (items.isEmpty()) {
                break;
            }
            var taylors = items.stream().map(v -> v.asJsonObject())
                    .filter(f -> f.getString("name").equals("Taylor family")).findFirst();
            if (taylors.isPresent()) {
                return taylors.get().getString("id");
            }
        }
        throw new java.util.NoSuchElementException("no Taylor family on any page of /families");
    }

    /** The demo's review conference for the Taylors (other tests add conferences of other kinds). */
    static String demoConferenceId(ApiClient chair) {
        // Every page: by the time a late test runs, others have scheduled well over a page of conferences.
        for (int page = 0; ; page++) {
            var items = chair.get("/conferences?size=100&page=" + page).json().getJsonArray("items");
            if (items.isEmpty()) {
                throw new AssertionError("the demo's review conference is not in the chair's list");
            }
            var found = items.stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getString("kind").equals("REVIEW_CHILD_PROTECTION")).findFirst();
            if (found.isPresent()) {
                return found.get().getString("id");
            }
        }
    }

    /** The chair sends the demo conference's invitation to the invitee in this role; returns the emailed token. */
    static String sendInvitationTo(ApiClient chair, String role) {
        var detail = chair.get("/conferences/" + demoConferenceId(chair)).json();
        var invitee = detail.getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("role").equals(role)).findFirst().orElseThrow();
        String email = role.equals("FAMILY_MEMBER") ? JESS : "dee.walker@example.org";
        int before = Mailbox.count(email);
        Reply sent = chair.post("/conferences/" + detail.getString("id") + "/invitees/" + invitee.getString("id") + "/invitation", null);
        assertEquals(202, sent.status(), sent::toString);
        assertNotEquals(before, Mailbox.count(email));
        return Mailbox.latestInvitationToken(email);
    }
}
