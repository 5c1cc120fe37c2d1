package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The newcomer's journey, from an empty PostgreSQL to the minutes in everyone's mailbox. The
 * first administrator comes from the shipped command; everything after is done in the pages,
 * as each person would: the administrator sets the council up, staff choose their passwords
 * from the emailed links, the lead worker opens the case and adds the family and its advocate,
 * the chair schedules and invites, the mother answers and joins from her phone and sees the
 * plan, the chair closes, and every person on the list gets the minutes and can open them.
 * The test itself calls no API. axe-core checks every new page; screenshots in target/screenshots.
 */
class NewcomerJourneyBrowserIT {

    private static final String PASSWORD = "a long and private passphrase";
    private static final String PRIYA = "priya.shah@northdale.example";
    private static final String SAM = "sam.okafor@northdale.example";
    private static final String GRACE = "grace.mensah@northdale.example";
    private static final String AMY = "amy.lee@mail.example";
    private static final String DAN = "dan.lee@mail.example";
    private static final String LOU = "lou.baker@advocacy.example";
    private static final String GOAL = "Jay is safe and well at home";

    private URI address;

    @Test
    void a_newcomer_council_runs_a_conference_from_an_empty_database_to_minutes_in_every_mailbox() throws Exception {
        assertTrue(StandaloneServer.available(), "the provisioned server is needed: build wildfly-config first");
        TestEnvironment.start();
        try (var postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (var server = StandaloneServer.freshInstall(300, url, "postgres", "postgres");
                    var outbox = Database.readingFrom(url, "postgres", "postgres")) {
                server.start();
                address = server.address();
                assertEquals(0, Database.count("select count(*) from staff_member"), "a fresh install has no account");
                URI link = URI.create(FreshInstallBrowserIT.addAdministrator(url, address, "Morgan Ellis", "morgan.ellis@northdale.example"));
                try (var desk = new Browser(address)) {
                    theAdministratorSetsTheCouncilUp(desk, link);
                    for (String email : List.of(PRIYA, SAM, GRACE)) {
                        setsOwnPassword(desk, email);
                    }
                    String family = theLeadWorkerOpensTheCaseAndAddsTheFamilyAndAnAdvocate(desk);
                    theFamilyAndTheAdvocateConfirmTheirAddresses(desk, family);
                    String conference = theChairSchedulesAndInvites(desk);
                    try (var phone = new Browser(address)) {
                        phone.resize(360, 800);
                        theMotherAnswersFromTheEmailOnHerPhone(phone, conference);
                        theChairOpensTheRoomAndTheMotherSeesThePlan(desk, phone, conference);
                        theChairClosesThroughCheckYourAnswers(desk, conference);
                        everyoneOnTheListGetsMinutesThatOpen(desk, phone, conference);
                    }
                }
            }
        }
    }

    private static void choose(Browser browser, String name, String value) {
        String id = browser.driver().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).getAttribute("id");
        browser.click(By.cssSelector("label[for='" + id + "']"));
    }

    private static void submit(Browser browser, String formId) {
        browser.click(By.cssSelector("#" + formId + " button[type=submit]"));
    }

    private static void signIn(Browser browser, String username) {
        browser.waitFor(By.id("sign-in-form"));
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), PASSWORD);
        submit(browser, "sign-in-form");
    }

    private static void signOut(Browser browser) {
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("sign-in-form"));
    }

    private static String open(URI link) {
        return link.getPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    private void theAdministratorSetsTheCouncilUp(Browser desk, URI link) {
        desk.open(open(link));
        desk.waitForText(By.id("username"), "morgan.ellis");
        desk.type(By.id("password"), PASSWORD);
        desk.type(By.id("password-again"), PASSWORD);
        submit(desk, "password-form");
        desk.waitFor(By.id("password-set"));
        desk.type(By.id("password"), PASSWORD);
        submit(desk, "sign-in-form");
        desk.waitForPath("/admin");

        addAgency(desk, "Northdale Children's Services", "CHILDRENS_SOCIAL_CARE", "01632 960 000");
        addStaff(desk, "Priya Shah", PRIYA, "01632 960 010", true);
        addStaff(desk, "Sam Okafor", SAM, "01632 960 011", false);
        addAgency(desk, "Northdale Health Visiting", "HEALTH", "01632 960 100");
        addStaff(desk, "Grace Mensah", GRACE, "01632 960 101", false);

        desk.open("/admin/advocacy-organisations/new");
        desk.type(By.id("organisation-name"), "Northdale Family Advocacy");
        desk.type(By.id("contact-phone"), "0808 157 0192");
        submit(desk, "organisation-form");
        desk.waitForText(By.id("organisation-list"), "Northdale Family Advocacy");
        signOut(desk);
    }

    private static void addAgency(Browser desk, String name, String kind, String phone) {
        desk.open("/admin/agencies/new");
        desk.type(By.id("agency-name"), name);
        choose(desk, "kind", kind);
        desk.type(By.id("contact-phone"), phone);
        submit(desk, "agency-form");
        desk.waitForText(By.id("success-banner"), name + " has been added");
    }

    private static void addStaff(Browser desk, String name, String email, String phone, boolean chair) {
        desk.click(By.id("add-staff"));
        desk.type(By.id("full-name"), name);
        desk.type(By.id("email"), email);
        desk.type(By.id("phone"), phone);
        if (chair) {
            choose(desk, "roles", "CHAIR");
        }
        submit(desk, "staff-form");
        desk.waitForText(By.id("success-banner"), "We have emailed " + email);
    }

    private static void setsOwnPassword(Browser desk, String email) {
        desk.open(open(URI.create(Mailbox.latestPasswordLink(email))));
        desk.waitForText(By.id("username"), email.substring(0, email.indexOf('@')));
        desk.type(By.id("password"), PASSWORD);
        desk.type(By.id("password-again"), PASSWORD);
        submit(desk, "password-form");
        desk.waitFor(By.id("password-set"));
        desk.type(By.id("password"), PASSWORD);
        submit(desk, "sign-in-form");
        desk.waitForPath("/conferences");
        signOut(desk);
    }

    private String theLeadWorkerOpensTheCaseAndAddsTheFamilyAndAnAdvocate(Browser desk) {
        signIn(desk, "sam.okafor");
        desk.waitForPath("/conferences");
        desk.click(By.linkText("Families"));
        desk.click(By.cssSelector("#main-content details summary"));
        desk.type(By.id("family-name"), "Lee family");
        submit(desk, "new-family-form");
        desk.waitFor(By.id("staff-contacts"));
        String family = desk.path().substring("/families/".length());

        // The health visitor's agency starts working with the family, so she can be invited.
        desk.click(By.id("manage-involvements"));
        new Select(desk.waitFor(By.id("agency"))).selectByVisibleText("Northdale Health Visiting");
        desk.waitForText(By.id("lead"), "Grace Mensah");
        new Select(desk.waitFor(By.id("lead"))).selectByVisibleText("Grace Mensah");
        LocalDate today = LocalDate.now();
        desk.type(By.id("starts-on"), Integer.toString(today.getDayOfMonth()));
        desk.type(By.id("starts-on-month"), Integer.toString(today.getMonthValue()));
        desk.type(By.id("starts-on-year"), Integer.toString(today.getYear()));
        submit(desk, "involvement-form");
        desk.waitFor(By.id("success-banner"));

        // A family member: mistakes first, told beside each field, nothing stored.
        desk.open("/families/" + family);
        desk.click(By.id("add-member"));
        desk.waitFor(By.id("person-form"));
        desk.assertAccessibleOnPhoneAndDesktop();
        desk.screenshots("add-member");
        desk.type(By.id("email"), "amy at mail");
        desk.click(By.id("continue"));
        desk.waitFor(By.className("govuk-error-summary"));
        String summary = desk.text(By.id("error-summary"));
        assertTrue(summary.contains("Enter the person's full name") && summary.contains("Enter who they are to the family")
                && summary.contains("Enter a real email address") && summary.contains("Choose how they would like to be contacted"), summary);
        assertTrue(desk.text(By.id("full-name-error")).contains("Enter the person's full name"), "the message is beside the field too");
        desk.assertAccessibleOnPhoneAndDesktop();
        desk.screenshots("add-member-errors");
        desk.open("/families/" + family);
        addMember(desk, "Amy Lee", "Mother", AMY, "07700 900 111", "EMAIL", true);
        assertTrue(desk.text(By.id("members")).contains("Waiting for confirmation"), "her address waits for her to confirm it");
        desk.assertAccessibleOnPhoneAndDesktop();
        desk.screenshots("family-with-pending-member");

        // Someone else's sign-in address is refused by the server and shown beside the email field.
        long members = Database.count("select count(*) from family_member");
        fillMember(desk, "Dan Lee", "Father", AMY, "07700 900 222", "TEXT_MESSAGE");
        desk.click(By.id("confirm"));
        desk.waitForText(By.id("email-error"), "already used by someone else");
        assertEquals(members, Database.count("select count(*) from family_member"), "nothing stored");
        desk.assertAccessible();
        desk.screenshots("add-member-email-taken");
        desk.type(By.id("email"), DAN);
        desk.click(By.id("continue"));
        desk.waitFor(By.id("check-answers"));
        desk.click(By.id("confirm"));
        desk.waitForText(By.id("success-banner"), "Dan Lee has been added");
        addMember(desk, "Jay Lee", "Son", "", "", "THROUGH_FAMILY", false);

        // The advocate, from an organisation the administrator set up.
        desk.click(By.id("add-advocate"));
        desk.waitFor(By.id("person-form"));
        desk.click(By.id("continue"));
        desk.waitForText(By.id("error-summary"), "Choose the advocate's organisation");
        desk.assertAccessibleOnPhoneAndDesktop();
        desk.screenshots("add-advocate-errors");
        new Select(desk.waitFor(By.id("organisation"))).selectByVisibleText("Northdale Family Advocacy");
        desk.type(By.id("full-name"), "Lou Baker");
        desk.type(By.id("email"), LOU);
        desk.screenshots("add-advocate");
        desk.click(By.id("continue"));
        desk.waitFor(By.id("check-answers"));
        assertTrue(desk.text(By.id("check-answers")).contains("Northdale Family Advocacy"));
        desk.assertAccessibleOnPhoneAndDesktop();
        desk.screenshots("add-advocate-check");
        desk.click(By.id("confirm"));
        desk.waitForText(By.id("success-banner"), "Lou Baker has been added");
        assertTrue(desk.text(By.id("advocates")).contains("Lou Baker, Northdale Family Advocacy"));
        assertTrue(desk.text(By.id("advocates")).contains("Waiting for confirmation"));
        signOut(desk);
        return family;
    }

    private static void fillMember(Browser desk, String name, String relationship, String email, String phone, String contact) {
        desk.click(By.id("add-member"));
        desk.waitFor(By.id("person-form"));
        desk.type(By.id("full-name"), name);
        desk.type(By.id("relationship"), relationship);
        desk.type(By.id("email"), email);
        desk.type(By.id("phone"), phone);
        choose(desk, "preferred-contact", contact);
        desk.click(By.id("continue"));
        desk.waitFor(By.id("check-answers"));
        assertTrue(desk.text(By.id("check-answers")).contains(relationship));
    }

    private static void addMember(Browser desk, String name, String relationship, String email, String phone, String contact, boolean look) {
        fillMember(desk, name, relationship, email, phone, contact);
        if (look) {
            desk.assertAccessibleOnPhoneAndDesktop();
            desk.screenshots("add-member-check");
        }
        desk.click(By.id("confirm"));
        desk.waitForText(By.id("success-banner"), name + " has been added");
        assertTrue(desk.text(By.id("members")).contains(name + " (" + relationship + ")"));
    }

    private static void theFamilyAndTheAdvocateConfirmTheirAddresses(Browser desk, String family) {
        for (String email : List.of(AMY, DAN, LOU)) {
            desk.open(Mailbox.latestLinkTo(email, "Confirm your email address", "/confirm-email"));
            desk.click(By.id("confirm"));
            desk.waitForText(By.id("confirmed"), email);
        }
        desk.open("/");
        signIn(desk, "sam.okafor");
        desk.waitForPath("/conferences");
        desk.open("/families/" + family);
        desk.waitFor(By.id("members"));
        assertFalse(desk.text(By.tagName("main")).contains("Waiting for confirmation"), "every address is confirmed now");
        signOut(desk);
    }

    private String theChairSchedulesAndInvites(Browser desk) {
        signIn(desk, "priya.shah");
        desk.waitForPath("/conferences");
        desk.click(By.linkText("Families"));
        desk.click(By.linkText("Lee family"));
        desk.click(By.id("schedule-conference"));
        desk.waitFor(By.cssSelector("label[for='kind']"));
        desk.click(By.cssSelector("label[for='kind']"));
        desk.click(By.id("continue"));
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        desk.type(By.id("when-day"), Integer.toString(tomorrow.getDayOfMonth()));
        desk.type(By.id("when-month"), Integer.toString(tomorrow.getMonthValue()));
        desk.type(By.id("when-year"), Integer.toString(tomorrow.getYear()));
        desk.type(By.id("time"), "10:00");
        desk.click(By.id("continue"));
        desk.type(By.id("venue"), "Northdale Family Centre, Room 1");
        desk.click(By.id("continue"));
        for (String name : List.of("Amy Lee", "Dan Lee", "Lou Baker (advocate)", "Sam Okafor", "Grace Mensah")) {
            desk.click(By.xpath("//div[@id='invitees']//label[normalize-space()=\"" + name + "\"]"));
        }
        desk.click(By.id("continue"));
        desk.type(By.id("agenda-0"), "Welcome");
        desk.click(By.id("add-item"));
        desk.type(By.id("agenda-1"), "Keeping Jay safe at home");
        desk.click(By.id("continue"));
        desk.waitFor(By.id("check-answers"));
        assertTrue(desk.text(By.id("check-who")).contains("Lou Baker"));
        desk.click(By.id("confirm"));
        desk.waitFor(By.id("done-banner"));
        String conference = desk.path().replaceAll("^/conferences/([0-9a-f-]{36}).*$", "$1");
        desk.click(By.id("send-invitations"));
        desk.waitForText(By.id("invitees"), "Invited");
        for (String email : List.of(AMY, DAN, LOU)) {
            Mailbox.awaitCount(email, "You are invited", 1);
        }
        for (String email : List.of(SAM, GRACE)) {
            Mailbox.awaitCount(email, "Invitation:", 1);
        }
        return conference;
    }

    private static void theMotherAnswersFromTheEmailOnHerPhone(Browser phone, String conference) {
        phone.open("/invite?token=" + java.net.URLEncoder.encode(Mailbox.latestInvitationToken(AMY), java.nio.charset.StandardCharsets.UTF_8));
        phone.waitFor(By.id("meeting"));
        String whom = phone.text(By.id("whom-to-call"));
        assertTrue(whom.contains("Chair of the meeting: Priya Shah") && whom.contains("01632 960 010"), "the chair's phone: " + whom);
        assertTrue(whom.contains("Your lead worker: Sam Okafor") && whom.contains("01632 960 011"), "the lead worker's phone: " + whom);
        assertTrue(!phone.text(By.id("meeting")).contains("Questions?"), "whom to contact is said once, in the cards");
        phone.assertAccessibleOnPhoneAndDesktop();
        phone.resize(360, 800);
        phone.screenshots("invite-whom-to-call");
        phone.resize(360, 800);
        phone.click(By.cssSelector("label[for='answer-NEEDS_HELP']"));
        phone.type(By.id("language"), "Polish");
        phone.click(By.id("send-answer"));
        phone.waitForText(By.id("answer-sent"), "We have told the chair what help you need");
        phone.click(By.id("send-code"));
        phone.waitFor(By.id("code"));
        phone.type(By.id("code"), Mailbox.latestCode(AMY));
        phone.click(By.cssSelector("#code-form button[type=submit]"));
        phone.waitForPath("/conferences/" + conference);
        phone.waitFor(By.id("agenda"));
        // Her answer is shown back to her, not a blank question again.
        phone.waitForText(By.id("what-you-told-us"), "you need an interpreter for Polish");
        phone.assertAccessible();
    }

    private static void theChairOpensTheRoomAndTheMotherSeesThePlan(Browser desk, Browser phone, String conference) {
        desk.open("/conferences/" + conference);
        desk.waitForText(By.id("invitees"), "Needs an interpreter: Polish");
        assertTrue(desk.driver().findElements(By.id("join-live")).isEmpty(),
                "before the chair opens the conference she has one button, not two that look alike");
        desk.click(By.id("move-status"));
        desk.waitFor(By.id("close-conference"));
        desk.click(By.id("join-live"));
        desk.waitForText(By.id("connection-state"), "Connected");
        desk.click(By.id("add-goal"));
        WebElement goal = desk.waitFor(By.cssSelector("[data-goal]"));
        String goalId = goal.getAttribute("data-goal");
        By title = By.id("f-" + goalId + "-TITLE");
        desk.type(title, GOAL);

        phone.open("/conferences/" + conference);
        phone.click(By.id("join-live"));
        phone.waitForText(By.id("connection-state"), "Connected");
        phone.waitForText(By.cssSelector("[data-value-for='" + goalId + ":TITLE']"), GOAL);
        phone.assertAccessible();
        phone.screenshot("newcomer-live-360");
    }

    private static void theChairClosesThroughCheckYourAnswers(Browser desk, String conference) {
        desk.open("/conferences/" + conference);
        desk.click(By.id("close-conference"));
        desk.waitFor(By.cssSelector("#question-form fieldset"));
        for (WebElement person : desk.driver().findElements(By.cssSelector("#question-form fieldset"))) {
            String came = person.findElement(By.tagName("legend")).getText().contains("Dan Lee") ? "APOLOGIES" : "ATTENDED";
            String id = person.findElement(By.cssSelector("input[value='" + came + "']")).getAttribute("id");
            desk.click(By.cssSelector("label[for='" + id + "']"));
        }
        desk.click(By.id("continue"));
        desk.type(By.id("decisions"), "Jay stays on a child protection plan.\nThe first review is in three months.");
        desk.click(By.id("continue"));
        desk.waitFor(By.id("lock"));
        assertTrue(desk.text(By.id("check-attendance")).contains("Sent apologies"));
        desk.click(By.id("lock"));
        desk.waitFor(By.id("what-happens-next"));
    }

    /** Each person follows the emailed link, signs in their own way, and downloads their minutes. */
    private void everyoneOnTheListGetsMinutesThatOpen(Browser desk, Browser phone, String conference) {
        for (String email : List.of(AMY, DAN, LOU, SAM, GRACE, PRIYA)) {
            Mailbox.awaitCount(email, "Minutes:", 1);
            assertEquals(1, Mailbox.count(email, "Minutes:"), "one minutes email to " + email);
            assertEquals("/conferences/" + conference, Mailbox.latestLinkTo(email, "Minutes:", "/conferences/"), email);
        }
        String link = "/conferences/" + conference;
        downloadsTheMinutes(phone, link);
        downloadsTheMinutes(desk, link);
        signOut(desk);
        for (String username : List.of("sam.okafor", "grace.mensah")) {
            desk.open(link);
            signIn(desk, username);
            desk.waitForPath(link);
            downloadsTheMinutes(desk, link);
            signOut(desk);
        }
        for (String email : List.of(DAN, LOU)) {
            desk.open(link);
            desk.click(By.id("get-code"));
            desk.type(By.id("email"), email);
            desk.click(By.cssSelector("#email-form button[type=submit]"));
            desk.waitFor(By.id("code"));
            desk.type(By.id("code"), Mailbox.latestCode(email));
            desk.click(By.cssSelector("#code-form button[type=submit]"));
            desk.waitForPath(link);
            downloadsTheMinutes(desk, link);
            signOut(desk);
        }
    }

    /** The page's "Download the minutes (PDF)" link answers with a PDF for this person. */
    private static void downloadsTheMinutes(Browser browser, String link) {
        browser.open(link);
        String href = browser.waitFor(By.id("minutes")).getAttribute("href");
        Object answer = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then((r) => r.arrayBuffer().then((b) => done(r.status + ' ' + r.headers.get('content-type') + ' '
                    + String.fromCharCode(...new Uint8Array(b).slice(0, 5)))))
                  .catch((e) => done('failed ' + e));""", href);
        assertEquals("200 application/pdf %PDF-", answer, "the minutes at " + href);
    }
}
