package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The ways an outsider or an insider could get into someone else's sign-in, find out who has an
 * account, or keep people out (issue 11, findings 1, 3, 4, 9 and 10). Each test is named for
 * the harm it prevents.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SignInProtectionIT {

    private static final Pattern CONFIRM = Pattern.compile("/confirm-email\\?token=([A-Za-z0-9_%-]+)");
    private static final Pattern UNLOCK = Pattern.compile("/unlock\\?token=([A-Za-z0-9_%-]+)");
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

    // Finding 1: one-time codes

    @Test
    void a_family_members_code_cannot_be_guessed_by_asking_for_new_codes() {
        String email = newConfirmedAdult("Guessed");
        var attacker = ApiClient.from(newSource());
        String id = null;
        for (int challenge = 0; challenge < 5; challenge++) {
            id = attacker.post("/auth/codes", json("email", email)).json().getString("challengeId");
            for (int guess = 0; guess < 2; guess++) {
                assertEquals(401, attacker.post("/auth/codes/verify", json("challengeId", id, "code", wrongCode(email))).status());
            }
        }
        // Ten wrong codes across five challenges: the person's budget is spent, and they are told.
        Mailbox.awaitCount(email, "paused", 1);
        Reply right = attacker.post("/auth/codes/verify", json("challengeId", id, "code", Mailbox.latestCode(email)));
        assertEquals(401, right.status(), "not even the right code opens a session during the cool-down");
        int codes = Mailbox.count(email, "sign-in code");
        assertEquals(200, ApiClient.from(newSource()).post("/auth/codes", json("email", email)).status());
        assertEquals(codes, Mailbox.count(email, "sign-in code"), "no code is sent while sign-in is paused");
    }

    @Test
    void asking_for_code_after_code_does_not_flood_a_persons_inbox() {
        String email = newConfirmedAdult("Flooded");
        var client = ApiClient.from(newSource());
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            replies.add(client.post("/auth/codes", json("email", email)));
        }
        assertTrue(replies.stream().allMatch(r -> r.status() == 200), replies::toString);
        assertEquals(10, Mailbox.count(email, "sign-in code"), "ten codes in a quarter of an hour, then no more");
    }

    @Test
    void an_older_code_stops_working_once_a_new_one_is_asked_for() {
        String email = newConfirmedAdult("Older");
        var client = ApiClient.from(newSource());
        String first = client.post("/auth/codes", json("email", email)).json().getString("challengeId");
        String firstCode = Mailbox.latestCode(email);
        String second = client.post("/auth/codes", json("email", email)).json().getString("challengeId");
        String secondCode = Mailbox.latestCode(email);
        assertEquals(401, client.post("/auth/codes/verify", json("challengeId", first, "code", firstCode)).status());
        assertEquals(200, client.post("/auth/codes/verify", json("challengeId", second, "code", secondCode)).status());
    }

    @Test
    void one_computer_cannot_ask_for_codes_without_end() {
        var flooder = ApiClient.from(newSource());
        int refusedAt = -1;
        for (int i = 0; i < 600 && refusedAt < 0; i++) {
            Reply reply = flooder.post("/auth/codes", json("email", "nobody-" + UUID.randomUUID() + "@example.org"));
            if (reply.status() == 429) {
                refusedAt = i;
                assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            } else {
                assertEquals(200, reply.status(), reply::toString);
            }
        }
        assertTrue(refusedAt > 0, "the flood from one address was never turned away");
        // Passwords from that address are not even checked, beyond the allowance's refill: the suite's
        // server refills 600 a minute (arquillian.xml), one every 100 ms, so a slow machine may see
        // one checked now and then, never a stream of them.
        long start = System.nanoTime();
        int checked = 0;
        for (int i = 0; i < 20; i++) {
            int status = flooder.post("/auth/sign-in", json("username", "chair", "password", "guess")).status();
            if (status == 401) {
                checked++;
            } else {
                assertEquals(429, status, "a password try from the flooding address");
            }
        }
        long refills = 1 + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 100;
        assertTrue(checked <= refills, checked + " of 20 passwords were checked; the refill allows " + refills);
        assertTrue(checked < 20, "passwords from that address are turned away");
        assertEquals(200, ApiClient.from(newSource()).post("/auth/codes", json("email", "someone@example.org")).status(),
                "other computers are still served");
    }

    // Finding 3: sign-in addresses are identities

    @Test
    void a_teacher_cannot_make_themselves_a_member_or_an_advocate_of_the_family() {
        var teacher = People.staff("teacher");
        String family = "/families/" + fx.taylors;
        long members = Database.count("select count(*) from family_member");
        assertEquals(403, teacher.post(family + "/members", json("fullName", "Tom Reid", "email", "tom.reid@example.org")).status());
        assertEquals(403, teacher.post(family + "/advocates", json("fullName", "Tom Reid", "email", "tom.reid@example.org",
                "startsOn", LocalDate.now().toString())).status());
        assertEquals(members, Database.count("select count(*) from family_member"));
    }

    @Test
    void an_administrator_cannot_make_themselves_the_familys_advocate() {
        Reply reply = People.staff("admin").post("/families/" + fx.taylors + "/advocates",
                json("fullName", "Morgan Ellis", "email", "morgan.ellis@example.org", "startsOn", LocalDate.now().toString()));
        assertEquals(404, reply.status(), "administrators see no case, so cannot join one: " + reply);
    }

    @Test
    void a_new_members_address_signs_nobody_in_until_its_owner_confirms_it() {
        String email = fx.unique("new.member").toLowerCase() + "@example.org";
        Reply added = People.staff("social.worker").post("/families/" + fx.taylors + "/members", json("fullName", "Sky Taylor", "email", email));
        assertEquals(201, added.status(), added::toString);
        assertTrue(added.json().getBoolean("emailPending"), added::toString);

        Reply challenge = ApiClient.from(newSource()).post("/auth/codes", json("email", email));
        assertEquals(200, challenge.status());
        assertEquals(0, Mailbox.count(email, "sign-in code"), "an unconfirmed address gets no code");

        confirm(email);
        assertEquals("Sky Taylor", signInWithCode(email).get("/auth/me").json().getString("name"));
    }

    @Test
    void a_sign_in_address_belongs_to_one_person_only() {
        var socialWorker = People.staff("social.worker");
        String family = "/families/" + fx.taylors;
        Reply asMember = socialWorker.post(family + "/members", json("fullName", "Dee Walker", "email", "Dee.Walker@example.org"));
        assertEquals(400, asMember.status(), asMember::toString);
        assertEquals("email", asMember.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply asAdvocate = socialWorker.post(family + "/advocates", json("fullName", "Jess Taylor", "email", JESS,
                "startsOn", LocalDate.now().toString()));
        assertEquals(400, asAdvocate.status(), asAdvocate::toString);
        Reply otherFamily = People.staff("housing.officer").post("/families/" + novakFamilyId() + "/members",
                json("fullName", "Not Jess", "email", JESS));
        assertEquals(400, otherFamily.status(), otherFamily::toString);
    }

    @Test
    void a_family_member_cannot_take_over_another_adults_sign_in() {
        String email = newConfirmedAdult("Partner");
        String memberId = memberIdByEmail(email);
        var jess = People.signedIn(Role.FAMILY_MEMBER);
        Reply reply = jess.put("/families/" + fx.taylors + "/members/" + memberId, json("fullName", "Partner Taylor", "email", JESS + ".x"));
        assertEquals(403, reply.status(), reply::toString);
        assertEquals(email, Database.text("select email from family_member where id = ?::uuid", memberId));
    }

    @Test
    void a_member_who_changes_their_own_address_signs_in_with_it_only_after_confirming_it() {
        String email = newConfirmedAdult("Mover");
        String memberId = memberIdByEmail(email);
        var member = signInWithCode(email);
        String moved = "moved-" + email;
        Reply changed = member.put("/families/" + fx.taylors + "/members/" + memberId, json("fullName", "Mover Taylor", "email", moved));
        assertEquals(200, changed.status(), changed::toString);
        assertTrue(changed.json().getBoolean("emailPending"), changed::toString);
        ApiClient.from(newSource()).post("/auth/codes", json("email", moved));
        assertEquals(0, Mailbox.count(moved, "sign-in code"));
        signInWithCode(email);
        confirm(moved);
        signInWithCode(moved);
        int oldCodes = Mailbox.count(email, "sign-in code");
        ApiClient.from(newSource()).post("/auth/codes", json("email", email));
        assertEquals(oldCodes, Mailbox.count(email, "sign-in code"), "the old address no longer signs in");
    }

    @Test
    void the_family_is_told_and_the_audit_log_keeps_who_added_someone_to_the_family() {
        int before = Mailbox.count(JESS, "added");
        String email = fx.unique("told").toLowerCase() + "@example.org";
        Reply added = People.staff("chair").post("/families/" + fx.taylors + "/members", json("fullName", "Told Taylor", "email", email));
        assertEquals(201, added.status(), added::toString);
        Mailbox.awaitCount(JESS, "added", before + 1);
        assertTrue(Mailbox.body(Mailbox.latest(JESS, "added")).contains("Told Taylor"));
        assertEquals(1, Database.count("select count(*) from audit_entry where event = 'FAMILY_MEMBER_ADDED' and subject_id = ?::uuid",
                added.json().getString("id")));

        Reply advocate = People.staff("social.worker").post("/families/" + fx.taylors + "/advocates", json("fullName", "Avery Advocate",
                "email", fx.unique("avery").toLowerCase() + "@example.org", "startsOn", LocalDate.now().toString()));
        assertEquals(201, advocate.status(), advocate::toString);
        Mailbox.awaitCount(JESS, "added", before + 2);
        assertEquals(1, Database.count("select count(*) from audit_entry where event = 'ADVOCATE_ADDED' and subject_id = ?::uuid",
                advocate.json().getString("assignmentId")));
    }

    // Finding 4: administrators see no case detail

    @Test
    void an_administrator_cannot_lead_work_with_a_family_to_read_its_case() {
        var admin = People.staff("admin");
        String adminId = admin.get("/auth/me").json().getString("id");
        String adminAgency = admin.get("/auth/me").json().getString("agencyId");
        String family = "/families/" + fx.taylors;
        Reply asLead = admin.post(family + "/involvements", json("agencyId", adminAgency, "leadPractitionerId", adminId,
                "startsOn", LocalDate.now().toString()));
        assertEquals(400, asLead.status(), asLead::toString);
        assertEquals(404, admin.get(family + "/plan").status());

        String username = fx.unique("admin2").toLowerCase();
        Reply otherAdmin = admin.post("/agencies/" + fx.housing + "/staff", json("fullName", "Second Admin", "email", username + "@example.org",
                "username", username, "password", "a-long-enough-password", "roles", Json.createArrayBuilder().add("ADMINISTRATOR").build()));
        assertEquals(201, otherAdmin.status(), otherAdmin::toString);
        String day = fx.nextPastDay();
        Reply adminLead = admin.post(family + "/involvements", json("agencyId", fx.housing, "leadPractitionerId",
                otherAdmin.json().getString("id"), "startsOn", day, "endsOn", day));
        assertEquals(400, adminLead.status(), adminLead::toString);
        assertEquals("leadPractitionerId", adminLead.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    // Finding 9: nothing tells who has an account

    @Test
    void asking_for_a_code_while_mail_is_down_looks_the_same_as_for_an_unknown_address_and_the_code_still_arrives() {
        String email = newConfirmedAdult("Outage");
        int before = Mailbox.count(email, "sign-in code");
        Reply known;
        Reply unknown;
        TestEnvironment.stopMail();
        try {
            known = ApiClient.from(newSource()).post("/auth/codes", json("email", email));
            unknown = ApiClient.from(newSource()).post("/auth/codes", json("email", "nobody-" + UUID.randomUUID() + "@example.org"));
        } finally {
            TestEnvironment.startMail();
        }
        assertEquals(200, known.status(), known::toString);
        assertEquals(unknown.status(), known.status());
        assertEquals(unknown.json().keySet(), known.json().keySet());
        Mailbox.awaitCount(email, "sign-in code", before + 1);
        Reply signedIn = new ApiClient().post("/auth/codes/verify", json("challengeId", known.json().getString("challengeId"),
                "code", Mailbox.latestCode(email)));
        assertEquals(200, signedIn.status(), "the queued code was sent once mail was back: " + signedIn);
    }

    @Test
    void checking_codes_answers_alike_for_known_and_unknown_addresses() {
        String email = newConfirmedAdult("Checked");
        var client = ApiClient.from(newSource());
        String known = client.post("/auth/codes", json("email", email)).json().getString("challengeId");
        String wrong = wrongCode(email);
        String unknown = client.post("/auth/codes", json("email", "nobody-" + UUID.randomUUID() + "@example.org")).json().getString("challengeId");
        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            knownAnswers.add(answer(client.post("/auth/codes/verify", json("challengeId", known, "code", wrong))));
            unknownAnswers.add(answer(client.post("/auth/codes/verify", json("challengeId", unknown, "code", wrong))));
        }
        assertEquals(knownAnswers, unknownAnswers);
    }

    @Test
    void a_locked_account_and_an_unknown_username_get_the_same_answers() {
        String username = newStaffMember("alike");
        var first = ApiClient.from(newSource());
        var second = ApiClient.from(newSource());
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(answer(first.post("/auth/sign-in", json("username", username, "password", "wrong-password"))));
            unknown.add(answer(second.post("/auth/sign-in", json("username", "nobody-" + username, "password", "wrong-password"))));
        }
        assertEquals(known, unknown);
        assertTrue(known.get(6).startsWith("429"), known::toString);
    }

    // Finding 10: sign-in cannot be made unavailable

    @Test
    void someone_guessing_a_chairs_password_cannot_keep_the_chair_out() {
        String username = newStaffMember("kept-out");
        var attacker = ApiClient.from(newSource());
        for (int i = 0; i < 8; i++) {
            attacker.post("/auth/sign-in", json("username", username, "password", "guess-" + i));
        }
        assertEquals(429, attacker.post("/auth/sign-in", json("username", username, "password", "a-long-enough-password")).status());
        Reply owner = ApiClient.from(newSource()).post("/auth/sign-in", json("username", username, "password", "a-long-enough-password"));
        assertEquals(200, owner.status(), "the real person signs in from their own computer: " + owner);
    }

    @Test
    void the_emailed_unlock_link_lets_the_real_person_back_in_from_the_locked_computer() {
        String username = newStaffMember("unlock");
        String email = username + "@example.org";
        var shared = ApiClient.from(newSource());
        for (int i = 0; i < 5; i++) {
            shared.post("/auth/sign-in", json("username", username, "password", "mistyped-" + i));
        }
        assertEquals(429, shared.post("/auth/sign-in", json("username", username, "password", "a-long-enough-password")).status());
        Mailbox.awaitCount(email, "sign in", 1);
        var m = UNLOCK.matcher(Mailbox.body(Mailbox.latest(email, "sign in")));
        assertTrue(m.find(), "the email has an unlock link");
        Reply unlocked = shared.post("/auth/unlock", json("token", java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(204, unlocked.status(), unlocked::toString);
        assertEquals(200, shared.post("/auth/sign-in", json("username", username, "password", "a-long-enough-password")).status());
    }

    @Test
    void a_forwarded_for_header_from_an_untrusted_sender_is_not_believed() {
        // The test server trusts only 127.0.0.1 as a proxy; this header comes through it, so it counts.
        // A second hop written by the client itself is ignored: the last untrusted address is the source.
        String attackerSource = newSource();
        String username = newStaffMember("spoof");
        for (int i = 0; i < 5; i++) {
            ApiClient.from("192.0.2.1, " + attackerSource).post("/auth/sign-in", json("username", username, "password", "guess-" + i));
        }
        assertEquals(429, ApiClient.from("192.0.2.99, " + attackerSource)
                .post("/auth/sign-in", json("username", username, "password", "a-long-enough-password")).status(),
                "changing the made-up first hop does not escape the lock-out");
    }

    // Helpers

    private static String answer(Reply reply) {
        return reply.status() + " " + reply.json().getString("detail");
    }

    private static String newSource() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    /** A wrong code for this person: any six digits but the latest one sent. */
    private static String wrongCode(String email) {
        String latest = Mailbox.count(email, "sign-in code") == 0 ? "" : Mailbox.latestCode(email);
        return latest.equals("000000") ? "111111" : "000000";
    }

    /** The lead worker adds an adult to the Taylors, who confirms their address; returns the address. */
    private static String newConfirmedAdult(String name) {
        String email = fx.unique(name).toLowerCase() + "@example.org";
        Reply added = People.staff("social.worker").post("/families/" + fx.taylors + "/members",
                json("fullName", name + " Taylor", "email", email));
        assertEquals(201, added.status(), added::toString);
        confirm(email);
        return email;
    }

    private static void confirm(String email) {
        Mailbox.awaitCount(email, "Confirm", 1);
        var m = CONFIRM.matcher(Mailbox.body(Mailbox.latest(email, "Confirm")));
        assertTrue(m.find(), "the confirmation email has a link");
        String token = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        Reply confirmed = ApiClient.from(newSource()).post("/auth/addresses/confirm", json("token", token));
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals(email, confirmed.json().getString("email"));
    }

    private static ApiClient signInWithCode(String email) {
        var client = ApiClient.from(newSource());
        Reply challenge = client.post("/auth/codes", json("email", email));
        assertEquals(200, challenge.status(), challenge::toString);
        Reply verified = client.post("/auth/codes/verify", json("challengeId", challenge.json().getString("challengeId"),
                "code", Mailbox.latestCode(email)));
        assertEquals(200, verified.status(), verified::toString);
        return client;
    }

    private static String memberIdByEmail(String email) {
        return Database.text("select id from family_member where lower(email) = ?", email.toLowerCase());
    }

    private static String novakFamilyId() {
        return People.staff("housing.officer").get("/families").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(f -> f.getString("name").equals("Novak family")).findFirst().orElseThrow().getString("id");
    }

    private static String newStaffMember(String prefix) {
        var admin = People.staff("admin");
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = admin.post("/agencies/" + fx.school + "/staff", json("fullName", "Test Person", "email",
                username + "@example.org", "username", username, "password", "a-long-enough-password",
                "roles", Json.createArrayBuilder().add("CHAIR").build()));
        assertEquals(201, created.status(), created::toString);
        return username;
    }
}
