package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Jobs that only the API could do until now, done in the pages on a 360 px phone (and looked at
 * on a desktop): the chair changes the agenda and the list after scheduling, staff rename a family
 * and record its strategy discussion, a family member signs out on every device, the
 * administrator sets the reminders. Wide tables keep every control on a phone's screen, and a
 * conference booked at short notice does not make every agency late from the outset.
 */
@BrowserTest
class WholeJobInPagesBrowserIT {

    private static DemoFixture fx;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    /** axe-core on a phone and a desktop, and both pictures kept in target/screenshots. */
    private void checkAndKeep(Browser b, String name) {
        b.assertAccessibleOnPhoneAndDesktop();
        b.screenshots(name);
        b.resize(360, 800);
    }

    /** Whether the whole of an element is inside a 360 px phone's screen, not off its right edge. */
    private static void assertOnThePhonesScreen(Browser b, WebElement element, String what) {
        var edge = ((Number) b.script("var r = arguments[0].getBoundingClientRect(); return r.right;", element)).doubleValue();
        var left = ((Number) b.script("return arguments[0].getBoundingClientRect().left;", element)).doubleValue();
        assertTrue(left >= 0 && edge <= 360, what + " is off the side of a 360 px screen: " + left + " to " + edge);
    }

    private List<String> agendaTitles(String conference) {
        return fx.chair.get("/conferences/" + conference).json().getJsonArray("agenda").stream()
                .map(v -> v.asJsonObject().getString("title")).toList();
    }

    @Test
    void the_chair_changes_the_agenda_and_invites_someone_else_after_scheduling_without_the_api() {
        String conference = fx.freshConference();
        browser.resize(360, 800);
        browser.signInAsStaff("chair");
        browser.open("/conferences/" + conference);
        assertOnThePhonesScreen(browser, browser.waitFor(By.id("change-agenda")), "Change the agenda");
        browser.click(By.id("change-agenda"));

        browser.waitFor(By.id("agenda-form"));
        browser.click(By.id("save-item"));
        browser.waitForText(By.id("error-summary"), "Enter the agenda item\u2019s title");
        assertEquals(List.of(), agendaTitles(conference), "nothing saved");
        browser.type(By.id("title"), "Welcome");
        browser.click(By.id("save-item"));
        browser.waitFor(By.id("success-banner"));
        browser.type(By.id("title"), "Next steps");
        browser.type(By.id("notes"), "Who does what by when");
        browser.click(By.id("save-item"));
        browser.waitForText(By.id("agenda-items"), "Next steps");
        checkAndKeep(browser, "agenda-change");

        String welcome = fx.chair.get("/conferences/" + conference).json().getJsonArray("agenda").getJsonObject(0).getString("id");
        String nextSteps = fx.chair.get("/conferences/" + conference).json().getJsonArray("agenda").getJsonObject(1).getString("id");
        assertOnThePhonesScreen(browser, browser.waitFor(By.id("change-" + welcome)), "the agenda item's Change link");
        browser.click(By.id("change-" + welcome));
        browser.waitForValue(By.id("title"), "Welcome");
        browser.type(By.id("title"), "Welcome and introductions");
        browser.click(By.id("save-item"));
        browser.waitForText(By.id("agenda-items"), "Welcome and introductions");
        browser.click(By.id("remove-" + nextSteps));
        browser.waitForText(By.id("success-banner"), "no longer on it");
        assertEquals(List.of("Welcome and introductions"), agendaTitles(conference));

        browser.click(By.id("back-to-conference"));
        browser.waitForText(By.id("agenda"), "Welcome and introductions");
        assertTrue(browser.text(By.id("start-agenda-hint")).contains("Start the agenda"), "the chair is told how the agenda starts");
        // In the live room, one obvious button starts the agenda at its first item, then goes.
        browser.open("/conferences/" + conference + "/live");
        browser.click(By.id("start-agenda"));
        browser.waitForText(By.id("live-now"), "Welcome and introductions");
        assertTrue(browser.driver().findElements(By.id("start-agenda")).isEmpty(), "once started, the button is gone");
        browser.open("/conferences/" + conference);
        browser.waitForText(By.id("agenda"), "Welcome and introductions");
        assertOnThePhonesScreen(browser, browser.waitFor(By.id("add-invitee")), "Invite someone else");
        browser.click(By.id("add-invitee"));
        browser.waitFor(By.id("invitee-form"));
        browser.click(By.id("add-person"));
        browser.waitForText(By.id("error-summary"), "Choose who to invite");
        browser.click(By.cssSelector("label[for='person-staff-" + fx.healthVisitor + "']"));
        checkAndKeep(browser, "invite-someone-else");
        browser.click(By.id("add-person"));
        browser.waitFor(By.id("done-banner"));
        assertTrue(browser.text(By.id("invitees")).contains("Grace Mensah"), "the health visitor is on the list");
        assertTrue(fx.chair.get("/conferences/" + conference).json().getJsonArray("invitees").stream()
                .anyMatch(i -> i.asJsonObject().getString("name").equals("Grace Mensah")));
        // She is invited once: the page does not offer her again.
        browser.click(By.id("add-invitee"));
        browser.waitFor(By.id("invitee-form"));
        assertTrue(browser.driver().findElements(By.cssSelector("label[for='person-staff-" + fx.healthVisitor + "']")).isEmpty());

        // A worker is asked whether they can come, not offered the family's choices (an interpreter, their views).
        try (Browser grace = new Browser()) {
            grace.resize(360, 800);
            grace.signInAsStaff("health.visitor");
            grace.open("/conferences/" + conference);
            grace.waitFor(By.cssSelector("label[for='answer-COMING']"));
            assertTrue(grace.driver().findElements(By.id("answer-NEEDS_HELP")).isEmpty());
            assertTrue(grace.driver().findElements(By.id("answer-VIEWS")).isEmpty());
        }
    }

    @Test
    void staff_rename_a_family_and_record_its_strategy_discussion_so_the_initial_conference_is_due_and_bookable() {
        String name = fx.unique("Okoro family");
        var created = fx.chair.post("/families", json("name", name));
        assertEquals(201, created.status(), created::toString);
        String family = created.json().getString("id");
        browser.resize(360, 800);
        browser.signInAsStaff("chair");
        browser.open("/families/" + family);
        // No conference yet, so no chair: the heading says only what there is.
        assertEquals("Lead worker", browser.text(By.cssSelector("#staff-contacts h2")));
        browser.waitFor(By.id("no-chair-yet"));
        browser.click(By.id("change-family"));

        browser.waitFor(By.id("family-form"));
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        browser.type(By.id("strategy"), Integer.toString(tomorrow.getDayOfMonth()));
        browser.type(By.id("strategy-month"), Integer.toString(tomorrow.getMonthValue()));
        browser.type(By.id("strategy-year"), Integer.toString(tomorrow.getYear()));
        browser.click(By.id("save-family"));
        browser.waitForText(By.id("error-summary"), "cannot be in the future");
        var unchanged = fx.chair.get("/families/" + family).json();
        assertTrue(!unchanged.containsKey("strategyDiscussionOn") || unchanged.isNull("strategyDiscussionOn"), "nothing saved: " + unchanged);
        checkAndKeep(browser, "family-change");

        LocalDate yesterday = LocalDate.now().minusDays(1);
        browser.type(By.id("name"), name + " renamed");
        browser.type(By.id("strategy"), Integer.toString(yesterday.getDayOfMonth()));
        browser.type(By.id("strategy-month"), Integer.toString(yesterday.getMonthValue()));
        browser.type(By.id("strategy-year"), Integer.toString(yesterday.getYear()));
        browser.click(By.id("save-family"));
        browser.waitFor(By.id("success-banner"));
        assertEquals(name + " renamed", browser.text(By.tagName("h1")));
        assertEquals(yesterday.toString(), fx.chair.get("/families/" + family).json().getString("strategyDiscussionOn"));
        browser.waitForText(By.id("timescales"), "Initial child protection");
        WebElement book = browser.waitFor(By.id("book-INITIAL_CHILD_PROTECTION"));
        assertOnThePhonesScreen(browser, book, "the timescales' link to book the initial conference");

        // On the chair's follow-up page the conference to book is a link to its first question page, on the phone's screen.
        var booked = fx.chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP",
                "scheduledStart", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString()));
        assertEquals(201, booked.status(), booked::toString);
        browser.open("/dashboard");
        WebElement toBook = browser.waitFor(By.id("book-" + family + "-INITIAL_CHILD_PROTECTION"));
        assertOnThePhonesScreen(browser, toBook, "the dashboard's link to book");
        checkAndKeep(browser, "dashboard");
        browser.resize(360, 800);
        browser.click(By.id("book-" + family + "-INITIAL_CHILD_PROTECTION"));
        browser.waitForPath("/conferences/new/kind?family=" + family);
    }

    @Test
    void a_family_member_signs_out_on_every_device_from_the_pages() {
        try (Browser phone = new Browser()) {
            phone.resize(360, 800);
            phone.signInWithCode("jess.taylor@example.org");
            // One word for the family's meetings, from the start page on.
            phone.waitForText(By.tagName("h1"), "My meetings");
            browser.signInWithCode("jess.taylor@example.org");
            browser.open("/families/" + fx.taylors);
            browser.waitForText(By.tagName("main"), "Ryan Taylor");

            phone.open("/families/" + fx.taylors);
            assertOnThePhonesScreen(phone, phone.waitFor(By.id("sign-out-everywhere-link")), "Sign out on every device");
            phone.click(By.id("sign-out-everywhere-link"));
            phone.waitFor(By.id("sign-out-everywhere"));
            checkAndKeep(phone, "sign-out-everywhere");
            phone.click(By.id("sign-out-everywhere"));
            phone.waitForPath("/?signedOut=1");

            // The other device is signed out too: its next page asks her to sign in.
            browser.open("/families/" + fx.taylors);
            browser.waitForPath("/?next=");
            assertFalse(browser.text(By.tagName("body")).contains("Ryan Taylor"));
        }
    }

    @Test
    void the_administrator_sets_how_early_owners_are_reminded_from_the_pages() {
        int before = fx.admin.get("/admin/settings/reminders").json().getInt("daysAhead");
        int chosen = before == 5 ? 6 : 5;
        try {
            browser.resize(360, 800);
            browser.open("/");
            browser.type(By.id("username"), "admin");
            browser.type(By.id("password"), People.DEMO_PASSWORD);
            browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
            browser.waitFor(By.id("admin-jobs"));
            browser.click(By.id("reminders-link"));
            browser.waitFor(By.id("reminders-form"));
            assertEquals(Integer.toString(before), browser.value(By.id("days-ahead")));
            browser.type(By.id("days-ahead"), "31");
            browser.click(By.id("save-reminders"));
            browser.waitForText(By.id("error-summary"), "Enter a number of days from 0 to 30");
            assertEquals(before, fx.admin.get("/admin/settings/reminders").json().getInt("daysAhead"), "nothing saved");
            checkAndKeep(browser, "admin-reminders");
            browser.type(By.id("days-ahead"), Integer.toString(chosen));
            browser.click(By.id("save-reminders"));
            browser.waitForText(By.id("success-banner"), chosen + " days before");
            assertEquals(chosen, fx.admin.get("/admin/settings/reminders").json().getInt("daysAhead"));
        } finally {
            fx.admin.put("/admin/settings/reminders", json("daysAhead", before));
        }
    }

    @Test
    void nothing_in_a_wide_table_is_off_the_side_of_a_phone() {
        browser.resize(360, 800);
        browser.signInAsStaff("chair");
        browser.open("/families/" + fx.taylors + "/involvements");
        browser.waitFor(By.id("involvements"));
        var changes = browser.driver().findElements(By.cssSelector("#involvements a"));
        assertFalse(changes.isEmpty());
        for (WebElement change : changes) {
            assertOnThePhonesScreen(browser, change, "an involvement's Change link");
        }
        browser.screenshots("involvements");
        browser.resize(360, 800);

        browser.open("/families/" + fx.taylors + "/plan/print");
        browser.waitFor(By.cssSelector(".app-print-plan"));
        for (WebElement cell : browser.driver().findElements(By.cssSelector(".app-print-plan td:last-child"))) {
            assertOnThePhonesScreen(browser, cell, "where an action stands, on the printable plan");
        }
        browser.assertAccessible();
        browser.screenshots("plan-print");

        try (Browser admin = new Browser()) {
            admin.resize(360, 800);
            admin.open("/");
            admin.type(By.id("username"), "admin");
            admin.type(By.id("password"), People.DEMO_PASSWORD);
            admin.click(By.cssSelector("#sign-in-form button[type=submit]"));
            admin.waitFor(By.id("admin-jobs"));
            admin.open("/admin/agencies/" + fx.socialCare);
            admin.waitFor(By.cssSelector(".app-table--stack tbody td"));
            for (WebElement cell : admin.driver().findElements(By.cssSelector(".app-table--stack tbody td"))) {
                assertOnThePhonesScreen(admin, cell, "a staff member's role or account");
            }
            admin.assertAccessible();
            admin.screenshots("agency-staff");
        }
    }

    @Test
    void a_conference_booked_at_short_notice_does_not_make_every_agency_late_from_the_outset() {
        // A family of its own, so no other test finds a meeting three hours away.
        var created = fx.chair.post("/families", json("name", fx.unique("Short notice family")));
        assertEquals(201, created.status(), created::toString);
        String family = created.json().getString("id");
        String colleague = fx.chair.get("/conferences/candidates?familyId=" + family).structure().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(c -> !c.getString("fullName").equals("Priya Shah")).findFirst().orElseThrow().getString("id");
        var scheduled = fx.chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP",
                "scheduledStart", Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString(),
                "venue", "Riverside Family Centre",
                "invitees", Json.createArrayBuilder().add(json("role", "AGENCY_STAFF", "staffMemberId", colleague)).build()));
        assertEquals(201, scheduled.status(), scheduled::toString);
        String conference = scheduled.json().getString("id");
        var reports = fx.chair.get("/conferences/" + conference + "/reports").json();
        assertTrue(reports.getBoolean("shortNotice"));
        assertEquals(Instant.parse(scheduled.json().getString("scheduledStart")), Instant.parse(reports.getString("deadline")),
                "reports are due by the start");
        assertTrue(reports.getJsonArray("expected").stream().noneMatch(e -> e.asJsonObject().getBoolean("late")),
                "no agency is late the moment the conference is booked: " + reports);

        browser.resize(360, 800);
        browser.signInAsStaff("chair");
        browser.open("/conferences/" + conference);
        browser.waitForText(By.id("short-notice"), "booked at short notice");
        assertFalse(browser.text(By.id("reports-expected")).contains("Late"), browser.text(By.id("reports-expected")));
        browser.assertAccessibleOnPhoneAndDesktop();
    }
}
