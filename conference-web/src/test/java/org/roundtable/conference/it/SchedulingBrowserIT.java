package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Scheduling, invitations, closing and the private part, done in the pages as people do them:
 * the chair on a desktop, the family on a 360 px phone from the emailed link; axe-core on every
 * page, and a screenshot of each new page in target/screenshots.
 */
@BrowserTest
class SchedulingBrowserIT {

    private static final String JESS = "jess.taylor@example.org";
    private static DemoFixture fx;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    /** Looks at the page as it is, on the desktop and on a phone, and keeps both pictures. */
    private void checkAndKeep(Browser b, String name) {
        b.assertAccessible();
        b.screenshot(name + "-desktop");
        b.resize(360, 800);
        b.assertAccessible();
        b.screenshot(name + "-360");
        b.resize(1200, 900);
    }

    private void clickLabel(String forId) {
        browser.click(By.cssSelector("label[for='" + forId + "']"));
    }

    @Test
    void the_chair_schedules_a_conference_through_the_question_pages_and_a_date_in_the_past_is_refused_beside_the_date() {
        long before = Database.count("select count(*) from conference where family_id = ?", UUID.fromString(fx.taylors));
        browser.signInAsStaff("chair");
        browser.open("/families/" + fx.taylors);
        browser.click(By.id("schedule-conference"));

        browser.waitFor(By.cssSelector("label[for='kind']"));
        checkAndKeep(browser, "schedule-1-kind");
        browser.click(By.id("continue"));
        browser.waitForText(By.id("error-summary"), "Choose the kind of conference");
        clickLabel("kind-CORE_GROUP");
        browser.click(By.id("continue"));

        LocalDate yesterday = LocalDate.now().minusDays(1);
        browser.type(By.id("when-day"), Integer.toString(yesterday.getDayOfMonth()));
        browser.type(By.id("when-month"), Integer.toString(yesterday.getMonthValue()));
        browser.type(By.id("when-year"), Integer.toString(yesterday.getYear()));
        browser.type(By.id("time"), "10:30");
        checkAndKeep(browser, "schedule-2-when");
        browser.click(By.id("continue"));

        browser.type(By.id("venue"), "Riverside Family Centre, Room 2");
        browser.type(By.id("joinLink"), "https://meet.example/taylors");
        checkAndKeep(browser, "schedule-3-where");
        browser.click(By.id("continue"));

        browser.waitFor(By.cssSelector("label[for='invite-member-" + fx.jess + "']"));
        clickLabel("invite-member-" + fx.jess);
        clickLabel("invite-staff-" + fx.healthVisitor);
        assertFalse(browser.text(By.id("invitees")).contains("Priya Shah"), "the chair is not offered to herself: she is invited as the chair");
        checkAndKeep(browser, "schedule-4-who");
        browser.click(By.id("continue"));

        browser.type(By.id("agenda-0"), "Welcome");
        browser.click(By.id("add-item"));
        browser.type(By.id("agenda-1"), "How Ryan is doing at school");
        browser.click(By.id("add-item"));
        browser.type(By.id("agenda-2"), "Next steps");
        browser.click(By.id("add-item"));
        browser.type(By.id("agenda-3"), "Any other business");
        browser.click(By.id("agenda-up-2"));
        browser.click(By.id("agenda-remove-3"));
        checkAndKeep(browser, "schedule-5-agenda");
        browser.click(By.id("continue"));

        browser.waitFor(By.id("check-answers"));
        assertEquals(List.of("Welcome", "Next steps", "How Ryan is doing at school"),
                browser.driver().findElements(By.cssSelector("#check-agenda li")).stream().map(e -> e.getText()).toList());
        assertTrue(browser.text(By.id("check-who")).contains("Jess Taylor"));
        checkAndKeep(browser, "schedule-6-check");
        browser.click(By.id("confirm"));

        // The server refuses the date: the date page says so, in the summary and beside the date.
        browser.waitForText(By.id("error-summary"), "The date and time must be in the future");
        assertTrue(browser.text(By.id("when-error")).contains("The date and time must be in the future"));
        assertEquals(before, Database.count("select count(*) from conference where family_id = ?", UUID.fromString(fx.taylors)), "nothing saved");
        checkAndKeep(browser, "schedule-7-date-refused");
        LocalDate nextMonth = LocalDate.now().plusMonths(1);
        browser.type(By.id("when-day"), Integer.toString(nextMonth.getDayOfMonth()));
        browser.type(By.id("when-month"), Integer.toString(nextMonth.getMonthValue()));
        browser.type(By.id("when-year"), Integer.toString(nextMonth.getYear()));
        browser.click(By.id("continue"));
        browser.waitFor(By.id("check-answers"));
        browser.click(By.id("confirm"));

        browser.waitFor(By.id("done-banner"));
        browser.click(By.id("send-invitations"));
        browser.waitForText(By.id("invitees"), "Invited");
        assertTrue(browser.text(By.id("where-and-how")).contains("Riverside Family Centre, Room 2"));
        checkAndKeep(browser, "conference-invited");
        assertTrue(Mailbox.body(Mailbox.latest(JESS, "invited")).contains("Riverside Family Centre, Room 2"));
    }

    @Test
    void the_family_asks_for_an_interpreter_from_the_emailed_link_on_a_phone_and_a_used_link_offers_a_code() {
        String conference = scheduledWithJess();
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitations", null).status());
        String token = Mailbox.latestInvitationToken(JESS);

        browser.resize(360, 800);
        browser.open("/invite?token=" + token);
        browser.waitFor(By.id("meeting"));
        assertTrue(browser.text(By.id("meeting")).contains("Riverside Family Centre, Room 2"));
        assertTrue(browser.text(By.id("meeting")).contains("Chair: Priya Shah"));
        browser.assertAccessible();
        browser.screenshot("invite-360");
        browser.click(By.cssSelector("label[for='answer-NEEDS_HELP']"));
        browser.type(By.id("language"), "Polish");
        browser.type(By.id("accessNeeds"), "Step-free access, please");
        browser.assertAccessible();
        browser.click(By.id("send-answer"));
        browser.waitForText(By.id("answer-sent"), "We have told the chair what help you need");
        browser.assertAccessible();
        browser.screenshot("invite-answered-360");
        var jess = fx.chair.get("/conferences/" + conference).json().getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("name").equals("Jess Taylor")).findFirst().orElseThrow();
        assertEquals("Polish", jess.getString("interpreterLanguage"));
        assertEquals("OPENED", jess.getString("invitation"));

        // She signs in from the same link; afterwards the link says what happened and offers a code.
        browser.click(By.id("send-code"));
        browser.waitFor(By.id("code"));
        browser.type(By.id("code"), Mailbox.latestCode(JESS));
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/conferences");
        browser.open("/invite?token=" + token);
        browser.waitForText(By.tagName("h1"), "This invitation link has already been used");
        browser.assertAccessible();
        browser.screenshot("invite-used-360");
        browser.click(By.id("get-code"));
        browser.waitForPath("/code");

        try (Browser chair = new Browser()) {
            chair.signInAsStaff("chair");
            chair.open("/conferences/" + conference);
            chair.waitForText(By.id("invitees"), "Needs an interpreter: Polish");
            checkAndKeep(chair, "conference-statuses");
        }
    }

    @Test
    void an_expired_invitation_link_says_so_on_a_phone_and_offers_a_sign_in_code() {
        String conference = scheduledWithJess();
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitations", null).status());
        String token = Mailbox.latestInvitationToken(JESS);
        assertEquals(1, Database.update("""
                update invitation set expires_at = now() - interval '1 minute'
                where used_at is null and invitee_id in (select id from conference_invitee where conference_id = ?)""", UUID.fromString(conference)));

        browser.resize(360, 800);
        browser.open("/invite?token=" + token);
        browser.waitForText(By.tagName("h1"), "This invitation link has expired");
        assertTrue(browser.text(By.id("link-state")).contains("Links work for 7 days"));
        assertTrue(browser.driver().findElements(By.id("meeting")).isEmpty(), "an expired link shows nothing of the meeting");
        browser.assertAccessible();
        browser.screenshot("invite-expired-360");
        browser.click(By.id("get-code"));
        browser.waitForPath("/code");
        browser.waitFor(By.id("email"));
    }

    @Test
    void the_chair_closes_through_check_your_answers_and_each_person_sees_what_happens_next() {
        String conference = fx.freshConferenceWithJess();
        String start = fx.chair.get("/conferences/" + conference).json().getString("scheduledStart");
        assertEquals(200, fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP", "scheduledStart", start, "status", "LIVE")).status());
        String words = fx.unique("Jess books the GP appointment");
        assertEquals(200, fx.chair.post("/families/" + fx.taylors + "/plan/goals/" + fx.firstGoal + "/actions", json("description", words,
                "ownerKind", "FAMILY_MEMBER", "ownerId", fx.jess, "dueOn", LocalDate.now().plusDays(10).toString())).status());
        String jessInvitee = fx.chair.get("/conferences/" + conference).json().getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("name").equals("Jess Taylor")).findFirst().orElseThrow().getString("id");

        browser.signInAsStaff("chair");
        browser.open("/conferences/" + conference);
        browser.click(By.id("close-conference"));
        browser.waitFor(By.id("attendance-" + jessInvitee));
        browser.click(By.id("continue"));
        browser.waitForText(By.id("error-summary"), "Say whether Jess Taylor came");
        checkAndKeep(browser, "close-1-attendance");
        clickLabel("attendance-" + jessInvitee + "-APOLOGIES");
        browser.click(By.id("continue"));
        browser.type(By.id("decisions"), "Ryan stays on the plan.\nThe next review is in three months.");
        checkAndKeep(browser, "close-2-decisions");
        browser.click(By.id("continue"));
        browser.waitFor(By.id("lock"));
        assertTrue(browser.text(By.tagName("main")).contains("You cannot change the record after this"));
        assertTrue(browser.text(By.id("check-attendance")).contains("Sent apologies"));
        checkAndKeep(browser, "close-3-check");
        browser.click(By.id("lock"));
        browser.waitFor(By.id("what-happens-next"));
        assertTrue(browser.text(By.id("what-happens-next")).contains(words));
        checkAndKeep(browser, "close-4-what-happens-next");

        try (Browser family = new Browser()) {
            family.resize(360, 800);
            family.signInWithCode(JESS);
            family.open("/conferences/" + conference);
            family.waitFor(By.id("what-happens-next"));
            assertTrue(family.text(By.id("what-happens-next")).contains(words));
            family.assertAccessible();
            family.screenshot("what-happens-next-family-360");
        }
    }

    @Test
    void the_professionals_reason_for_a_private_part_is_in_nothing_the_family_can_read() throws IOException {
        String conference = fx.freshConferenceWithJess();
        String start = fx.chair.get("/conferences/" + conference).json().getString("scheduledStart");
        assertEquals(200, fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP", "scheduledStart", start, "status", "LIVE")).status());
        String jessInvitee = fx.chair.get("/conferences/" + conference).json().getJsonArray("invitees").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("name").equals("Jess Taylor")).findFirst().orElseThrow().getString("id");
        String reason = "POLICE-" + UUID.randomUUID() + " information about a third party";
        String told = "We talked about another person's private information. Ask Priya if you have questions.";

        browser.signInAsStaff("chair");
        browser.open("/conferences/" + conference + "/live");
        browser.waitForText(By.id("connection-state"), "Connected");
        browser.click(By.xpath("//summary[.//span[text()='Private part']]"));
        browser.waitFor(By.id("private-reason"));
        assertTrue(browser.text(By.id("private-reason-hint")).contains("The family never sees this"));
        assertTrue(browser.text(By.id("private-family-text-hint")).contains("The family and their advocate see only this"));
        browser.click(By.cssSelector("label[for='exclude-" + jessInvitee + "']"));
        browser.type(By.id("private-reason"), reason);
        browser.type(By.id("private-family-text"), told);
        browser.assertAccessible();
        browser.screenshot("live-private-part-desktop");
        try (Browser kept = new Browser()) {
            kept.resize(360, 800);
            kept.signInWithCode(JESS);
            kept.open("/conferences/" + conference + "/live");
            kept.waitForText(By.id("connection-state"), "Connected");
            // Jess coming in redraws who is here: the chair's half-filled form stays open, with what she ticked and typed.
            browser.waitForText(By.id("live-people"), "Jess Taylor");
            assertEquals(reason, browser.value(By.id("private-reason")));
            assertTrue(browser.driver().findElement(By.id("exclude-" + jessInvitee)).isSelected(), "Jess is still ticked");
            browser.click(By.cssSelector("#private-form button[type=submit]"));
            browser.waitForText(By.id("private-running"), reason);
            // Jess, kept out, is told calmly and once: one notice where the plan was, not a second one beside it.
            kept.waitForText(By.id("private-notice"), "A private part of the meeting is happening now.");
            String room = kept.text(By.tagName("main"));
            assertEquals(1, room.split("private part of the meeting", -1).length - 1, room);
            assertFalse(room.contains("POLICE-"), room);
            kept.assertAccessible();
            // Her family's page meanwhile: no "Ask the family" (she is the family), no download link that would fail.
            kept.open("/families/" + fx.taylors);
            kept.waitFor(By.id("my-data"));
            String page = kept.text(By.tagName("main"));
            assertFalse(page.contains("Ask the family"), page);
            assertTrue(kept.driver().findElements(By.id("my-data-zip")).isEmpty(), "no download link while it cannot work");
            assertTrue(kept.text(By.id("my-data")).contains("when the part of the meeting held without you has ended"), kept.text(By.id("my-data")));
            kept.assertAccessible();
            kept.open("/conferences/" + conference + "/live");
            kept.waitForText(By.id("private-notice"), "A private part of the meeting is happening now.");
            browser.click(By.id("end-private"));
            browser.waitForGone(By.id("private-running"));
            kept.waitForGone(By.id("private-notice"));
        }
        assertEquals(200, fx.close(conference).status());
        assertTrue(fx.chair.get("/conferences/" + conference + "/record").json().toString().contains(reason),
                "the professionals present keep the reason");

        // Every page, PDF and export the family can read.
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        String family = "/families/" + fx.taylors;
        for (String json : List.of("/conferences/" + conference, "/conferences/" + conference + "/record",
                "/conferences/" + conference + "/statements", "/conferences/" + conference + "/sign-off", family + "/my-data",
                "/conferences", family, family + "/plan")) {
            ApiClient.Reply reply = jess.get(json);
            assertEquals(200, reply.status(), json + ": " + reply);
            assertFalse(reply.body().contains(reason), json + " shows the family the professionals' reason");
        }
        assertTrue(jess.get("/conferences/" + conference + "/record").body().contains(told), "the family is told what the chair wrote for it");
        for (String pdf : List.of("/conferences/" + conference + "/minutes", family + "/my-data/pdf")) {
            String text;
            try (var document = Loader.loadPDF(jess.download(pdf).bytes())) {
                text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
            assertFalse(text.contains("POLICE-"), pdf + " shows the family the professionals' reason");
            assertTrue(text.contains(told.substring(0, 40)), pdf + " tells the family what the chair wrote: " + text);
        }
        try (Browser phone = new Browser()) {
            phone.resize(360, 800);
            phone.signInWithCode(JESS);
            for (String page : List.of("/conferences/" + conference, "/conferences", family, family + "/details", family + "/sharing",
                    family + "/contact-map", family + "/access-log")) {
                phone.open(page);
                phone.waitFor(By.cssSelector("#main-content h1"));
                phone.waitFor(By.cssSelector("#app-header *"));
                assertFalse(phone.text(By.tagName("body")).contains("POLICE-"), page + " shows the family the professionals' reason");
            }
            phone.open("/conferences/" + conference);
            phone.waitFor(By.id("closed-record"));
            phone.assertAccessible();
        }
    }

    private static String scheduledWithJess() {
        var reply = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "CORE_GROUP",
                "scheduledStart", Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
                "venue", "Riverside Family Centre, Room 2", "invitees", Json.createArrayBuilder().add(json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess)).build(),
                "agenda", Json.createArrayBuilder().add("Welcome").build()));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }
}
