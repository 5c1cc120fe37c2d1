package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.roundtable.conference.application.ClockProducer;

/**
 * Sharing, done in the browser on a 360 px phone, with axe-core on every page: the family is
 * asked first and answers from the email's link; the school keeps its own actions when the plan
 * is not shared, and the chair is told; an override lapses on its review date.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SharingBrowserIT {

    private static final String JESS = "jess.taylor@example.org";
    private static final Pattern LINK = Pattern.compile("(/families/[0-9a-f-]{36}/sharing\\?request=([0-9a-f-]{36}))");

    private static DemoFixture fx;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestClock.deployment();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
        family = "/families/" + fx.taylors;
    }

    private static void healthContacts(String preference) {
        assertEquals(200, fx.familyMember().put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                "preference", preference)).status());
    }

    /** Overrides other tests made for health visiting's view of the Taylors' contacts would share them for weeks. */
    @BeforeEach
    void noOverridesInForce() {
        fx.endOverrides(fx.health, "CONTACTS");
    }

    @Test
    void the_family_is_asked_first_answers_yes_from_the_emails_link_and_the_worker_sees_the_answer() {
        healthContacts("ASK_FIRST");
        String reason = fx.unique("To plan Mia's visits with the nursery");
        try {
            int emails = Mailbox.count(JESS, "asks to see");
            try (Browser health = new Browser()) {
                health.resize(360, 800);
                health.signInAsStaff("health.visitor");
                health.open(family);
                health.waitForText(By.tagName("main"), "Not shared with your agency");
                health.assertAccessible();
                health.screenshots("family-not-shared-staff");
                health.open(family + "/sharing");
                health.waitFor(By.id("ask-form"));
                new Select(health.driver().findElement(By.id("ask-kind"))).selectByValue("CONTACTS");
                health.click(By.id("ask"));
                health.waitForText(By.id("error-summary"), "Say why you need it");
                health.assertAccessible();
                health.type(By.id("ask-reason"), reason);
                new Select(health.driver().findElement(By.id("ask-days"))).selectByValue("7");
                health.click(By.id("ask"));
                health.waitForText(By.id("requests"), "Waiting for the family's answer.");
                // The worker reads what they asked for in a worker's words, not the family's "your ...".
                String asked = health.text(By.id("requests"));
                assertTrue(asked.contains("asked to see the contacts with agencies") && !asked.contains("to see your"), asked);
                health.assertAccessible();
                health.screenshots("sharing-staff-asked");
            }

            Mailbox.awaitCount(JESS, "asks to see", emails + 1);
            var link = LINK.matcher(Mailbox.body(Mailbox.latest(JESS, "asks to see")));
            assertTrue(link.find(), "the email carries the link");
            try (Browser jess = new Browser()) {
                jess.resize(360, 740);
                jess.signInWithCode(JESS);
                jess.open(link.group(1));
                jess.waitFor(By.id("yes-" + link.group(2)));
                assertTrue(jess.text(By.id("requests-waiting")).contains(reason), "the family reads why");
                jess.assertAccessible();
                jess.screenshots("sharing-family-asked");
                jess.click(By.id("yes-" + link.group(2)));
                jess.waitForText(By.id("notice"), "You said yes.");
                jess.waitForText(By.id("answers"), "You said yes. They can see it until");
                jess.assertAccessible();
                jess.screenshots("sharing-family-answered");
            }

            try (Browser health = new Browser()) {
                health.resize(360, 800);
                health.signInAsStaff("health.visitor");
                health.open(family + "/sharing");
                health.waitForText(By.id("requests"), "Jess Taylor said yes.");
                health.open(family);
                health.waitFor(By.id("contacts"));
                health.assertAccessible();
            }
        } finally {
            healthContacts("SHARE");
            Database.update("delete from sharing_request where reason = ?", reason);
        }
    }

    @Test
    void the_school_keeps_its_own_actions_when_the_plan_is_not_shared_and_the_chair_is_told() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String chairEmail = SharingKeepsTheMeetingWorkingIT.chairEmail(fx);
        int told = Mailbox.count(chairEmail, "can no longer see");
        try {
            try (Browser jess = new Browser()) {
                jess.resize(360, 740);
                jess.signInWithCode(JESS);
                jess.open(family + "/sharing");
                jess.waitFor(By.id("pref-" + fx.school + "-PLAN"));
                new Select(jess.driver().findElement(By.id("pref-" + fx.school + "-PLAN"))).selectByValue("DO_NOT_SHARE");
                new Select(jess.driver().findElement(By.id("pref-" + fx.school + "-CONTACTS"))).selectByValue("DO_NOT_SHARE");
                jess.click(By.cssSelector("form[data-agency='" + fx.school + "'] button[type=submit]"));
                jess.waitForText(By.id("preview"), "Oakfield Primary School will not see your plan.");
                // Two choices changed, one meeting: she reads about the meeting once, not once per choice.
                var sentences = jess.driver().findElements(By.cssSelector("#preview-sentences li")).stream().map(li -> li.getText()).toList();
                assertEquals(1, sentences.stream().filter(t -> t.startsWith("They are invited to your meeting")).count(), sentences.toString());
                // Other tests may have given the school more actions in the shared plan: count them now.
                long own = fx.chair.get(family + "/plan").json().getJsonArray("goals").stream()
                        .flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                        .filter(a -> fx.school.equals(a.asJsonObject().getString("ownerId", null))).count();
                String expected = own == 1 ? "They will still see the one thing they agreed to do."
                        : own == 2 ? "They will still see the two things they agreed to do." : "things they agreed to do.";
                assertTrue(own >= 1, "the school owns an action in the plan");
                assertTrue(jess.text(By.id("preview")).contains(expected), expected + " in " + jess.text(By.id("preview")));
                jess.assertAccessible();
                jess.screenshots("sharing-family-preview");
                jess.click(By.id("confirm-save"));
                jess.waitForText(By.tagName("main"), "Oakfield Primary School now sees only what you share");
            }
            try (Browser teacher = new Browser()) {
                teacher.resize(360, 800);
                teacher.signInAsStaff("teacher");
                teacher.open(family);
                teacher.waitForText(By.id("plan-not-shared"), "Not shared with your agency");
                assertTrue(teacher.text(By.id("plan")).contains("Call home by 9:30 when Ryan is not in"));
                assertTrue(!teacher.text(By.id("plan")).contains("Walk Ryan to school"), "the rest is withheld");
                teacher.assertAccessible();
                teacher.screenshots("family-own-actions-staff");
                // The page to print says the same: the school's own action under a goal it is not told about, never "null".
                teacher.open(family + "/plan/print");
                teacher.waitForText(By.id("plan-not-shared"), "Not shared with your agency");
                String printed = teacher.text(By.tagName("main"));
                assertTrue(printed.contains("A goal not shared with your agency") && printed.contains("Call home by 9:30 when Ryan is not in"), printed);
                assertTrue(!printed.contains("null") && !printed.contains("Walk Ryan to school"), printed);
                assertTrue(browserLabels(teacher).stream().noneMatch(label -> label.contains("null")), browserLabels(teacher).toString());
                teacher.assertAccessible();
                teacher.open("/conferences/" + conference);
                teacher.waitForText(By.id("sign-off-own-only"), "Not shared with your agency");
                teacher.click(By.cssSelector("#sign-off-actions button"));
                teacher.waitForText(By.id("sign-off-actions"), "Signed");
                teacher.assertAccessible();
                teacher.screenshots("conference-own-actions-staff");
            }
            Mailbox.awaitCount(chairEmail, "can no longer see", told + 1);
            try (Browser chair = new Browser()) {
                chair.resize(360, 800);
                chair.signInAsStaff("chair");
                chair.open("/conferences/" + conference);
                chair.waitForText(By.id("sharing-warnings"), "Oakfield Primary School");
                chair.assertAccessible();
                chair.screenshots("conference-sharing-warning-chair");
            }
        } finally {
            for (String kind : new String[] {"PLAN", "CONTACTS"}) {
                assertEquals(200, fx.familyMember().put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", kind,
                        "preference", "SHARE")).status());
            }
        }
    }

    /** What a screen reader names each region and table by. */
    private static java.util.List<String> browserLabels(Browser browser) {
        return browser.driver().findElements(By.cssSelector("main [aria-label], main caption")).stream()
                .map(e -> e.getAttribute("aria-label") != null ? e.getAttribute("aria-label") : e.getAttribute("textContent")).toList();
    }

    @Test
    void an_override_lapses_on_its_review_date() {
        healthContacts("DO_NOT_SHARE");
        String reason = fx.unique("Mia has lost weight and I must check who saw her");
        LocalDate tomorrow = LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(1);
        try {
            try (Browser health = new Browser()) {
                health.resize(360, 800);
                health.signInAsStaff("health.visitor");
                health.open(family + "/sharing");
                health.waitFor(By.id("override-form"));
                new Select(health.driver().findElement(By.id("override-kind"))).selectByValue("CONTACTS");
                health.type(By.id("override-reason"), reason);
                health.type(By.id("override-review"), Integer.toString(LocalDate.now(ClockProducer.LOCAL_ZONE).getDayOfMonth()));
                health.type(By.id("override-review-month"), Integer.toString(LocalDate.now(ClockProducer.LOCAL_ZONE).getMonthValue()));
                health.type(By.id("override-review-year"), Integer.toString(LocalDate.now(ClockProducer.LOCAL_ZONE).getYear()));
                health.click(By.id("override"));
                health.waitForText(By.id("error-summary"), "The review date must be after today.");
                health.assertAccessible();
                health.driver().findElement(By.id("override-review")).clear();
                health.driver().findElement(By.id("override-review-month")).clear();
                health.driver().findElement(By.id("override-review-year")).clear();
                health.type(By.id("override-review"), Integer.toString(tomorrow.getDayOfMonth()));
                health.type(By.id("override-review-month"), Integer.toString(tomorrow.getMonthValue()));
                health.type(By.id("override-review-year"), Integer.toString(tomorrow.getYear()));
                health.click(By.id("override"));
                health.waitForText(By.tagName("main"), "Override recorded");
                health.waitForText(By.id("ledger"), "This ends on");
                health.assertAccessible();
                health.screenshots("sharing-staff-override");
                health.open(family);
                health.waitFor(By.id("contacts"));

                TestClock.moveToDaysAhead(1);
                assertEquals(200, People.signedIn(Role.ADMINISTRATOR).post("/admin/reminders/run", null).status());
                // "Tomorrow" may be less than the two idle hours away (late in the evening): her session
                // may still be open, so she signs out and in again rather than counting on it ending.
                health.click(By.id("sign-out"));
                health.waitFor(By.id("username"));
                health.signInAsStaff("health.visitor");
                health.open(family);
                health.waitForText(By.tagName("main"), "Not shared with your agency");
                health.open(family + "/sharing");
                health.waitForText(By.cssSelector("[data-entry] .app-ends"), "This ended on");
                health.assertAccessible();
                health.screenshots("sharing-staff-override-ended");
            }
            try (Browser jess = new Browser()) {
                jess.resize(360, 740);
                jess.signInWithCode(JESS);
                jess.open(family + "/sharing");
                jess.waitForText(By.id("ledger"), reason);
                assertTrue(jess.text(By.id("ledger")).contains("This ended on"), jess.text(By.id("ledger")));
                jess.assertAccessible();
                jess.screenshots("sharing-family-override-ended");
            }
        } finally {
            Mailbox.awaitDelivery();
            TestClock.reset();
            fx.endOverrides(fx.health, "CONTACTS");
            healthContacts("SHARE");
        }
    }
}
