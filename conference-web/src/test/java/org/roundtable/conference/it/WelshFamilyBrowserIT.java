package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;
import static org.roundtable.conference.it.SharingSteps.FamilyWords.WELSH;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The family's side of asking first, sharing that keeps the meeting working, an override with an
 * end and a household change, done by a Welsh-speaking member of the Taylors (her language stored
 * as Welsh) on a 360 px phone: her emails, their links and her pages are in Welsh (lang="cy"),
 * axe-core clean; the staff's side stays English. The same steps as the English tests
 * ({@link SharingSteps}, {@link HouseholdSteps}). A newcomer is used, so the demo people keep
 * their English for the other tests.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class WelshFamilyBrowserIT {

    private static DemoFixture fx;
    private static String family;
    private static String nia;
    private static String niaEmail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestClock.deployment();
    }

    /** Nia has moved in with the Taylors, confirmed her address, and reads Welsh. */
    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
        family = "/families/" + fx.taylors;
        nia = fx.unique("Nia Taylor");
        niaEmail = nia.toLowerCase().replace(' ', '.') + "@example.org";
        var added = fx.chair.post(family + "/members", json("fullName", nia, "email", niaEmail));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(niaEmail);
        Database.update("update family_member set language = 'cy' where email = ?", niaEmail);
    }

    /** Overrides other tests made for health visiting's view of the Taylors' contacts would share them for weeks. */
    @BeforeEach
    void noOverridesInForce() {
        fx.endOverrides(fx.health, "CONTACTS");
    }

    private static Browser niaOnHerPhone() {
        var browser = new Browser();
        browser.resize(360, 740);
        browser.signInWithWelshCode(niaEmail);
        return browser;
    }

    private static void assertWelsh(Browser browser) {
        assertEquals("cy", browser.script("return document.documentElement.lang"), "the page is in Welsh");
    }

    @Test
    void a_welsh_family_member_is_asked_first_in_welsh_answers_yes_from_the_emails_link_and_the_worker_sees_the_answer() {
        SharingSteps.healthContacts(fx, family, "ASK_FIRST");
        String reason = fx.unique("To plan Mia's visits with the nursery");
        try {
            int emails = Mailbox.count(niaEmail, "yn gofyn am gael gweld");
            SharingSteps.healthVisitorAsksForContacts(family, reason);
            Mailbox.awaitCount(niaEmail, "yn gofyn am gael gweld", emails + 1);
            String email = Mailbox.body(Mailbox.latest(niaEmail, "yn gofyn am gael gweld"));
            assertTrue(email.contains("Gallwch ddweud ie neu na yma:") && email.contains("&lang=cy"), "in Welsh, with a Welsh link: " + email);
            try (Browser browser = niaOnHerPhone()) {
                SharingSteps.familyAnswersYesFromTheEmail(browser, email, reason, WELSH, "welsh-sharing-family");
                assertWelsh(browser);
            }
            SharingSteps.healthVisitorSeesTheYes(family, nia);
        } finally {
            SharingSteps.healthContacts(fx, family, "SHARE");
            Database.update("delete from sharing_request where reason = ?", reason);
        }
    }

    @Test
    void a_welsh_family_member_stops_sharing_the_plan_and_the_school_keeps_its_own_actions_and_the_chair_is_told() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String chairEmail = SharingKeepsTheMeetingWorkingIT.chairEmail(fx);
        int told = Mailbox.count(chairEmail, "can no longer see");
        try {
            try (Browser browser = niaOnHerPhone()) {
                SharingSteps.familyStopsSharingThePlanWithTheSchool(browser, fx, family, WELSH, "welsh-sharing-family-preview");
                assertWelsh(browser);
            }
            SharingSteps.theSchoolKeepsItsOwnActions(family, conference);
            SharingSteps.theChairIsTold(conference, chairEmail, told);
        } finally {
            SharingSteps.shareWithTheSchoolAgain(fx, family);
        }
    }

    @Test
    void a_welsh_family_member_reads_in_welsh_that_an_override_lapsed_on_its_review_date() {
        SharingSteps.healthContacts(fx, family, "DO_NOT_SHARE");
        String reason = fx.unique("Mia has lost weight and I must check who saw her");
        try {
            SharingSteps.healthVisitorOverridesUntilTomorrowAndItLapses(family, reason);
            try (Browser browser = niaOnHerPhone()) {
                SharingSteps.familySeesTheOverrideEnded(browser, family, reason, WELSH, "welsh-sharing-family-override-ended");
                assertWelsh(browser);
            }
        } finally {
            Mailbox.awaitDelivery();
            TestClock.reset();
            fx.endOverrides(fx.health, "CONTACTS");
            SharingSteps.healthContacts(fx, family, "SHARE");
        }
    }

    @Test
    void a_welsh_family_member_adds_someone_who_moved_in_in_welsh_and_their_confirmation_comes_welsh_first() {
        String name = fx.unique("Kai Brown");
        String email = fx.unique("kai").toLowerCase() + "@example.org";
        try (Browser browser = niaOnHerPhone()) {
            HouseholdSteps.addSomeoneWhoMovedIn(browser, family, nia, name, email, HouseholdSteps.HouseholdWords.WELSH);
            assertWelsh(browser);
            browser.screenshots("welsh-household-added");

            // Kai's address was given on a Welsh page: the confirmation is Welsh first, English below, each with its own link.
            Mailbox.awaitCount(email, "Confirm", 1);
            var confirm = Mailbox.latest(email, "Confirm");
            String body = Mailbox.body(confirm);
            assertTrue(body.startsWith("Saesneg isod (English below)") && body.indexOf("&lang=cy") < body.indexOf("Hello " + name), body);
            String link = Mailbox.latestLinkTo(email, "Confirm", "/confirm-email");
            assertTrue(link.endsWith("&lang=cy"), link);
            try (Browser kai = new Browser()) {
                kai.resize(360, 740);
                kai.open(link);
                kai.waitForText(By.tagName("main"), "Cadarnhewch eich cyfeiriad e-bost");
                assertWelsh(kai);
                kai.assertAccessible();
            }

            String kaiId = DemoFixture.idWhere(People.signedIn(Role.FAMILY_MEMBER).get(family).json(), "members", "fullName", name);
            HouseholdSteps.sayTheyLeft(browser, nia, kaiId, name, HouseholdSteps.HouseholdWords.WELSH);
            assertWelsh(browser);
            browser.screenshots("welsh-household-left");
        }
    }

    @Test
    void a_welsh_family_members_downloads_are_named_in_welsh_not_english() {
        try (Browser browser = niaOnHerPhone()) {
            browser.open(family);
            assertEquals("popeth-sydd-gennym-am-eich-teulu.zip", browser.waitFor(By.id("my-data-zip")).getAttribute("download"),
                    "the file lands in her downloads with a Welsh name");
            assertEquals("data-fy-nheulu.json", browser.waitFor(By.id("my-data-json")).getAttribute("download"));
            assertEquals("data-fy-nheulu.pdf", browser.waitFor(By.id("my-data-pdf")).getAttribute("download"));
            assertWelsh(browser);
            // The server names them in Welsh too, for a download started any other way (the minutes link names none itself).
            String api = "/api/families/" + fx.taylors + "/my-data";
            assertEquals("attachment; filename=\"popeth-sydd-gennym-am-eich-teulu.zip\"", savedAs(browser, api + "/zip"));
            assertEquals("attachment; filename=\"data-fy-nheulu.json\"", savedAs(browser, api));
            assertEquals("attachment; filename=\"data-fy-nheulu.pdf\"", savedAs(browser, api + "/pdf"));
            assertEquals("attachment; filename=\"cofnodion-" + fx.conference + ".pdf\"",
                    savedAs(browser, "/api/conferences/" + fx.conference + "/minutes"));
        }
    }

    /** The name the server gives a download, as her browser reads it (with her session). */
    private static Object savedAs(Browser browser, String path) {
        return browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => done(r.ok ? r.headers.get('content-disposition') : 'HTTP ' + r.status), e => done(String(e)));", path);
    }

    @Test
    void a_welsh_family_member_kept_out_of_part_of_a_meeting_is_told_why_her_plan_is_hidden_in_welsh() {
        String conference = fx.freshConference();
        String member = DemoFixture.idWhere(fx.chair.get(family).json(), "members", "fullName", nia);
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", member)).status());
        String invitee = DemoFixture.idWhere(fx.chair.get("/conferences/" + conference).json(), "invitees", "name", nia);
        try (LiveClient chair = LiveClient.connect(fx.chair, conference); Browser browser = niaOnHerPhone()) {
            chair.hello();
            chair.send(jakarta.json.Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", jakarta.json.Json.createArrayBuilder().add(invitee)).add("reason", "Police information about a third party").build());
            chair.nextMatching(m -> m.getString("type").equals("room") && m.get("privatePart") instanceof jakarta.json.JsonObject, 5);
            try {
                browser.open(family);
                browser.waitForText(By.cssSelector(".app-not-shared"), "Mae rhan o'r cyfarfod yn cael ei chynnal hebddoch chi.");
                assertTrue(!browser.text(By.tagName("main")).contains("being held without you"), browser.text(By.tagName("main")));
                assertWelsh(browser);
            } finally {
                chair.send(jakarta.json.Json.createObjectBuilder().add("type", "endPrivate").build());
                chair.nextMatching(m -> m.getString("type").equals("room") && !(m.get("privatePart") instanceof jakarta.json.JsonObject), 5);
            }
        }
    }
}
