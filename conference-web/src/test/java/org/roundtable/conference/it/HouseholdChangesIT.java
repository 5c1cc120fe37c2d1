package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.application.HouseholdChanges;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The household changes, the advocate writing the family's views for one of them, and the
 * access log read as one line per worker per day: the rules and the bad input.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class HouseholdChangesIT {

    private static DemoFixture fx;
    private static ApiClient jess;
    private static ApiClient dee;
    private static String family;
    private static String leadWorkerEmail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        jess = People.signedIn(Role.FAMILY_MEMBER);
        dee = People.signedIn(Role.ADVOCATE);
        family = "/families/" + fx.taylors;
        leadWorkerEmail = Database.text("select email from staff_member where username = 'social.worker'");
    }

    private static long membersStored() {
        return Database.count("select count(*) from family_member");
    }

    /** Someone Jess adds, with an address of their own, confirmed and signed in. */
    private static String[] aNewcomerSignedIn(String name) {
        String email = fx.unique("newcomer").toLowerCase() + "@example.org";
        Reply added = jess.post(family + "/members", json("fullName", name, "relationship", "Partner", "email", email,
                "preferredContact", "EMAIL"));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(email);
        return new String[] {added.json().getString("id"), email};
    }

    @Test
    void a_family_member_adds_someone_who_has_moved_in_and_the_lead_worker_is_told() {
        int leadMails = Mailbox.count(leadWorkerEmail, "someone was added");
        String name = fx.unique("Kai Brown");
        Reply added = jess.post(family + "/members", json("fullName", name, "relationship", "Mum's partner",
                "phone", "07700 900456", "preferredContact", "PHONE"));
        assertEquals(201, added.status(), added::toString);
        Mailbox.awaitCount(leadWorkerEmail, "someone was added", leadMails + 1);
        assertTrue(Mailbox.body(Mailbox.latest(leadWorkerEmail, "someone was added")).contains("Jess Taylor added " + name));
        var history = fx.chair.get(family + "/details/history").structure().asJsonArray();
        assertTrue(history.stream().map(v -> v.asJsonObject()).anyMatch(c -> c.getString("field").equals("HOUSEHOLD")
                && c.getString("newValue").contains(name) && c.getString("changedByName").equals("Jess Taylor")),
                "the record shows who added whom");
        assertEquals(1, Database.count("select count(*) from audit_entry where event = 'FAMILY_MEMBER_ADDED' and subject_id = '"
                + added.json().getString("id") + "'"), "the ledger keeps it");
    }

    @Test
    void a_family_member_cannot_add_someone_who_signs_in_to_another_family() {
        long before = membersStored();
        Reply refused = jess.post(family + "/members", json("fullName", "Anna Novak", "relationship", "Friend",
                "email", "Anna.Novak@example.org", "preferredContact", "EMAIL"));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("email", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(refused.detail().contains("already used by someone else"), refused::toString);
        assertEquals(before, membersStored(), "nothing is stored");
    }

    @Test
    void only_this_family_its_lead_worker_or_a_chair_change_who_is_in_the_household() {
        long before = membersStored();
        var cousin = json("fullName", "Cousin Nobody", "relationship", "Cousin");
        assertEquals(404, People.signedIn(Role.OTHER_FAMILY_MEMBER).post(family + "/members", cousin).status(), "another family");
        assertEquals(404, People.signedIn(Role.UNINVOLVED_STAFF).post(family + "/members", cousin).status(), "an agency not involved");
        assertEquals(403, dee.post(family + "/members", cousin).status(), "the advocate speaks for the family; it does not change it");
        assertEquals(403, People.staff("health.visitor").post(family + "/members", cousin).status(), "staff who are not the lead");
        assertEquals(before, membersStored());
        assertEquals(404, People.signedIn(Role.OTHER_FAMILY_MEMBER).post(family + "/members/" + fx.ryan + "/end", null).status());
        assertEquals(403, dee.post(family + "/members/" + fx.ryan + "/end", null).status());
        assertEquals(0, Database.count("select count(*) from family_member where left_on is not null and id = '" + fx.ryan + "'"));
    }

    @Test
    void a_family_member_cannot_take_themselves_off_the_record() {
        Reply refused = jess.post(family + "/members/" + fx.jess + "/end", null);
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.detail().contains("cannot take yourself off"), refused::toString);
        assertEquals(200, jess.get(family).status(), "Jess still signs in");
    }

    @Test
    void someone_who_has_left_keeps_their_history_but_can_no_longer_sign_in() {
        String name = fx.unique("Lee Porter");
        String[] newcomer = aNewcomerSignedIn(name);
        ApiClient lee = People.withCode(newcomer[1]);
        String conference = fx.freshConference();
        assertEquals(201, lee.post("/conferences/" + conference + "/statements", json("stance", "AGREES", "words", "Fine by me")).status());
        int leadMails = Mailbox.count(leadWorkerEmail, "left the household");

        Reply ended = jess.post(family + "/members/" + newcomer[0] + "/end", null);
        assertEquals(200, ended.status(), ended::toString);
        assertEquals(LocalDate.now(ClockProducer.LOCAL_ZONE).toString(), ended.json().getString("leftOn"));
        assertEquals(401, lee.get(family).status(), "their session stops at once");
        Mailbox.awaitDelivery();
        int codes = Mailbox.count(newcomer[1], "code");
        new ApiClient().post("/auth/codes", json("email", newcomer[1]));
        Mailbox.awaitDelivery();
        assertEquals(codes, Mailbox.count(newcomer[1], "code"), "no code goes to someone who has left");

        var view = fx.chair.get(family).json();
        assertFalse(view.getJsonArray("members").stream().anyMatch(m -> m.asJsonObject().getString("id").equals(newcomer[0])));
        assertTrue(view.getJsonArray("formerMembers").stream().anyMatch(m -> m.asJsonObject().getString("id").equals(newcomer[0])),
                "they are kept, with the day they left");
        assertTrue(jess.get("/conferences/" + conference + "/statements").body().contains("Fine by me"), "what they said stays");
        Mailbox.awaitCount(leadWorkerEmail, "left the household", leadMails + 1);
        assertEquals(409, jess.post(family + "/members/" + newcomer[0] + "/end", null).status(), "they left once");
    }

    @Test
    void someone_who_has_left_the_household_is_told_and_not_invited_to_the_familys_meetings() {
        String[] newcomer = aNewcomerSignedIn(fx.unique("Kai Porter"));
        assertEquals(200, jess.post(family + "/members/" + newcomer[0] + "/end", null).status());
        Mailbox.awaitCount(newcomer[1], "no longer on your family's record", 1);
        String conference = fx.freshConference();
        Reply invited = fx.chair.post("/conferences/" + conference + "/invitees",
                json("role", "FAMILY_MEMBER", "familyMemberId", newcomer[0]));
        assertTrue(invited.status() == 400 || invited.status() == 409, invited::toString);
        assertTrue(invited.body().contains("has left the household"), invited::toString);
        assertEquals(0, Database.count("select count(*) from conference_invitee where family_member_id = ?",
                java.util.UUID.fromString(newcomer[0])), "nothing is stored");
    }

    @Test
    void a_family_members_own_views_never_read_as_written_by_an_advocate() {
        String conference = "/conferences/" + fx.freshConference();
        Reply own = jess.post(conference + "/statements", json("stance", "AGREES", "words", "My own words", "forMemberId", fx.jess));
        assertEquals(201, own.status(), own::toString);
        assertTrue(!own.json().containsKey("writtenBy") || own.json().isNull("writtenBy"), own::toString);
        assertFalse(fx.chair.get(conference + "/record").body().contains("advocate, for Jess"), "the record says Jess wrote them herself");
    }

    @Test
    void the_advocate_writes_the_familys_views_for_jess_and_every_copy_says_who_wrote_them() throws java.io.IOException {
        String conference = "/conferences/" + fx.freshConference();
        Reply written = dee.post(conference + "/statements", json("stance", "DISAGREES", "words", "Jess wants more help with nursery",
                "forMemberId", fx.jess));
        assertEquals(201, written.status(), written::toString);
        assertEquals("Dee Walker, advocate, for Jess Taylor", written.json().getString("writtenBy"));
        String statement = written.json().getString("id");

        for (ApiClient reader : List.of(jess, fx.chair)) {
            JsonObject listed = reader.get(conference + "/statements").structure().asJsonArray().stream().map(v -> v.asJsonObject())
                    .filter(s -> s.getString("id").equals(statement)).findFirst().orElseThrow();
            assertEquals("Jess Taylor", listed.getString("forMemberName"));
            assertEquals("Dee Walker, advocate, for Jess Taylor", listed.getString("writtenBy"));
        }
        var said = fx.chair.get(conference + "/record").json().getJsonArray("statements").getJsonObject(0);
        assertEquals("Jess Taylor", said.getString("authorName"), "the record says whose views they are");
        assertEquals("Dee Walker, advocate, for Jess Taylor", said.getString("writtenBy"));
        var minutes = jess.download(conference + "/minutes");
        assertEquals(200, minutes.status());
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(minutes.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Written by Dee Walker, advocate, for Jess Taylor"), text);
        }

        // Jess changes them into her own words: the advocate's version is withdrawn, and kept.
        Reply changed = jess.post(conference + "/statements", json("stance", "AGREES", "words", "It is fine now", "replaces", statement));
        assertEquals(201, changed.status(), changed::toString);
        var record = fx.chair.get(conference + "/record").json().getJsonArray("statements");
        assertEquals(1, record.size(), "only the views that stand are in the record");
        assertEquals("It is fine now", record.getJsonObject(0).getString("words"));
        assertTrue(jess.get(conference + "/statements").structure().asJsonArray().stream().map(v -> v.asJsonObject())
                .anyMatch(s -> s.getString("id").equals(statement) && s.getString("withdrawnByName", "").equals("Jess Taylor")));
        assertEquals(409, jess.post(conference + "/statements/" + statement + "/withdrawal", null).status(), "withdrawn once");
    }

    @Test
    void views_are_written_only_by_the_advocate_and_only_for_someone_in_the_family() {
        String conference = "/conferences/" + fx.freshConference();
        String anna = People.signedIn(Role.OTHER_FAMILY_MEMBER).get("/auth/me").json().getString("id");
        long before = Database.count("select count(*) from conference_statement");
        Reply outsider = dee.post(conference + "/statements", json("stance", "AGREES", "forMemberId", anna));
        assertEquals(400, outsider.status(), outsider::toString);
        assertEquals("forMemberId", outsider.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(403, jess.post(conference + "/statements", json("stance", "AGREES", "forMemberId", fx.ryan)).status(),
                "a family member writes their own views");
        assertEquals(before, Database.count("select count(*) from conference_statement"), "nothing is stored");

        String written = dee.post(conference + "/statements", json("stance", "AGREES", "forMemberId", fx.jess)).json().getString("id");
        assertEquals(403, fx.chair.post(conference + "/statements/" + written + "/withdrawal", null).status(),
                "only Jess, or Dee who wrote them, withdraws them");
        Reply withdrawn = jess.post(conference + "/statements/" + written + "/withdrawal", null);
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        assertEquals("Jess Taylor", withdrawn.json().getString("withdrawnByName"));
    }

    @Test
    void the_access_log_shows_one_line_per_worker_per_day_with_overrides_first() {
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, worker.get(family + "/plan").status());
        }
        assertEquals(200, worker.get(family).status());
        String reason = "Checking the baby's weight " + fx.unique("r");
        ApiClient health = People.staff("health.visitor");
        try {
            assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                    "preference", "DO_NOT_SHARE")).status());
            assertEquals(201, health.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK",
                    "reason", reason, "reviewOn", LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(10).toString())).status());
        } finally {
            jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "SHARE"));
        }

        JsonObject log = jess.get(family + "/access-log/days?size=100").json();
        assertTrue(log.getJsonArray("overrides").stream().anyMatch(o -> o.asJsonObject().getString("reason").equals(reason)),
                "overrides come with their reasons");
        String today = LocalDate.now(ClockProducer.LOCAL_ZONE).toString();
        var samToday = log.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(l -> l.getString("staffName").equals("Sam Okafor") && l.getString("day").equals(today)).toList();
        assertEquals(1, samToday.size(), "one line for Sam today, however many pages he opened");
        var line = samToday.get(0);
        assertEquals("Riverside Children's Services", line.getString("agencyName"));
        var what = line.getJsonArray("what").getValuesAs(jakarta.json.JsonString::getString);
        assertTrue(what.contains("your plan") && what.contains("your family's details"), what::toString);
        assertEquals(what.size(), what.stream().distinct().count(), "each part named once");
        assertTrue(line.getInt("lookCount") >= 4, "the detail keeps every look");

        JsonObject first = jess.get(family + "/access-log/days?size=1").json();
        assertEquals(1, first.getJsonArray("items").size(), "a page of lines at a time");
        assertTrue(first.getJsonNumber("total").longValue() >= 2);
        assertEquals(403, worker.get(family + "/access-log/days").status(), "the log is the family's");
    }

    /** A family of its own with one member signed in, so the Taylors' allowance stays for the other tests. */
    private record OwnFamily(String path, ApiClient member) {
    }

    private static OwnFamily aFamilyOfItsOwn() {
        Reply created = fx.chair.post("/families", json("name", fx.unique("Busy family")));
        assertEquals(201, created.status(), created::toString);
        String path = "/families/" + created.json().getString("id");
        String email = fx.unique("busy").toLowerCase() + "@example.org";
        Reply added = fx.chair.post(path + "/members", json("fullName", fx.unique("Kim Busy"), "email", email));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(email);
        return new OwnFamily(path, People.withCode(email));
    }

    private static long membersOf(String path) {
        return Database.count("select count(*) from family_member where family_id = ?", java.util.UUID.fromString(path.substring("/families/".length())));
    }

    @Test
    void a_family_sign_in_cannot_add_people_without_end_and_so_email_address_after_address() {
        OwnFamily own = aFamilyOfItsOwn();
        for (int i = 0; i < HouseholdChanges.FAMILY_ADDS_A_DAY; i++) {
            Reply added = own.member().post(own.path() + "/members", json("fullName", fx.unique("Lodger")));
            assertEquals(201, added.status(), added::toString);
        }
        long before = membersOf(own.path());
        String refusedAddress = fx.unique("one-too-many").toLowerCase() + "@example.org";
        var refused = own.member().exchange("POST", own.path() + "/members",
                json("fullName", fx.unique("One Too Many"), "email", refusedAddress).toString());
        assertEquals(429, refused.statusCode(), refused::body);
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 24 * 3600, "Retry-After: " + retryAfter);
        assertTrue(refused.body().contains("Try again tomorrow"), refused::body);
        assertEquals(before, membersOf(own.path()), "nothing is stored");

        // The lead worker or a chair still adds someone; their email goes, the refused one's never does.
        String chairsAddress = fx.unique("added-by-chair").toLowerCase() + "@example.org";
        assertEquals(201, fx.chair.post(own.path() + "/members", json("fullName", fx.unique("Sam Busy"), "email", chairsAddress)).status());
        Mailbox.awaitCount(chairsAddress, "Confirm", 1);
        assertEquals(0, Mailbox.count(refusedAddress), "an address the family was refused is sent nothing");
    }

    @Test
    void a_family_sign_in_cannot_fill_its_household_past_a_sensible_size() {
        OwnFamily own = aFamilyOfItsOwn();
        java.util.UUID familyId = java.util.UUID.fromString(own.path().substring("/families/".length()));
        // Filled straight in the database: a household this size added through the API would email the family fifty times.
        Database.update("insert into family_member (id, family_id, full_name) select gen_random_uuid(), ?, 'Cousin ' || n"
                + " from generate_series(1, ?) n", familyId, HouseholdChanges.MOST_PEOPLE_A_FAMILY_ADDS_TO - 1);
        assertEquals(HouseholdChanges.MOST_PEOPLE_A_FAMILY_ADDS_TO,
                Database.count("select count(*) from family_member where left_on is null and family_id = ?", familyId));
        String lastAdded = Database.text("select cast(id as varchar) from family_member where family_id = ? and full_name like 'Cousin %'"
                + " limit 1", familyId);
        long before = membersOf(own.path());
        Reply refused = own.member().post(own.path() + "/members", json("fullName", fx.unique("Yet Another")));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.detail().contains("Say who has left first"), refused::toString);
        assertEquals(before, membersOf(own.path()), "nothing is stored");

        // Once someone has left, there is room again.
        assertEquals(200, own.member().post(own.path() + "/members/" + lastAdded + "/end", null).status());
        assertEquals(201, own.member().post(own.path() + "/members", json("fullName", fx.unique("Newcomer"))).status());
    }

    @Test
    void a_long_access_log_is_read_a_page_at_a_time_so_the_familys_page_answers_within_a_second() {
        OwnFamily own = aFamilyOfItsOwn();
        java.util.UUID familyId = java.util.UUID.fromString(own.path().substring("/families/".length()));
        // Two hundred days of a worker opening the record 1,500 times a day (from noon, UTC, yesterday backwards).
        Database.update("""
                insert into record_access (id, family_id, staff_id, staff_name, agency_name, what, purpose, accessed_at)
                select gen_random_uuid(), ?, s.id, s.full_name, 'Riverside Children''s Services',
                    case when n % 2 = 0 then 'your plan' else 'your contacts' end, null,
                    date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - interval '12 hours'
                        - (n / 1500) * interval '1 day' - (n % 1500) * interval '1 second'
                from generate_series(0, 299999) n, staff_member s where s.username = 'social.worker'""", familyId);
        try {
            assertEquals(200, own.member().get(own.path() + "/access-log/days?page=2&size=20").status());
            long start = System.nanoTime();
            Reply reply = own.member().get(own.path() + "/access-log/days?page=1&size=20");
            long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(millis <= 1000, "a page of a 300,000-read log took " + millis + " ms");

            var log = reply.json();
            assertTrue(log.getJsonNumber("total").longValue() >= 200, log.getJsonNumber("total")::toString);
            var items = log.getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
            assertEquals(20, items.size());
            LocalDate previous = null;
            for (JsonObject line : items) {
                assertEquals("Sam Okafor", line.getString("staffName"), line::toString);
                LocalDate day = LocalDate.parse(line.getString("day"));
                if (previous != null) {
                    assertEquals(previous.minusDays(1), day, "one line per day, newest first");
                }
                previous = day;
                assertEquals(1500, line.getInt("lookCount"), "every look counted");
                var looks = line.getJsonArray("looks");
                assertEquals(50, looks.size(), "the newest 50 looks shown");
                assertTrue(looks.getJsonObject(0).getString("at").compareTo(looks.getJsonObject(49).getString("at")) > 0, "newest first");
                assertEquals(List.of("your plan", "your contacts"), line.getJsonArray("what").getValuesAs(jakarta.json.JsonString::getString),
                        "each part once, the newest first");
            }
        } finally {
            Database.update("delete from record_access where family_id = ?", familyId);
        }
    }
}
