package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.roundtable.conference.application.ClockProducer;

/**
 * The household changes, the advocate's words for Jess and the readable access log, done on a
 * 360 px phone as the family and its advocate would; axe-core checks each page.
 */
@BrowserTest
class HouseholdBrowserIT {

    private static DemoFixture fx;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void the_family_adds_someone_who_has_moved_in_and_the_lead_worker_gets_the_email() {
        String lead = Database.text("select email from staff_member where username = 'social.worker'");
        int before = Mailbox.count(lead, "someone was added");
        String name = fx.unique("Kai Brown");
        String email = fx.unique("kai").toLowerCase() + "@example.org";
        browser.resize(360, 800);
        browser.signInWithCode("jess.taylor@example.org");
        HouseholdSteps.addSomeoneWhoMovedIn(browser, "/families/" + fx.taylors, "Jess Taylor", name, email, HouseholdSteps.HouseholdWords.ENGLISH);
        Mailbox.awaitCount(lead, "someone was added", before + 1);
        assertTrue(Mailbox.body(Mailbox.latest(lead, "someone was added")).contains("Jess Taylor added " + name));

        // Mia has no email address: nobody signs in as her, so the page does not say only she can change it.
        var taylors = People.signedIn(Role.FAMILY_MEMBER).get("/families/" + fx.taylors).json();
        String mia = DemoFixture.idWhere(taylors, "members", "fullName", "Mia Taylor");
        String miasCard = browser.text(By.cssSelector("form[data-member='" + mia + "']"));
        assertTrue(miasCard.contains("Email address: Not given") && !miasCard.contains("can change it"), miasCard);

        // Later, Kai moves out: Jess says so, is warned once more before the button that does it shows, and Kai is listed as having left.
        int leftMails = Mailbox.count(lead, "left the household");
        String kai = DemoFixture.idWhere(taylors, "members", "fullName", name);
        HouseholdSteps.sayTheyLeft(browser, "Jess Taylor", kai, name, HouseholdSteps.HouseholdWords.ENGLISH);
        Mailbox.awaitCount(lead, "left the household", leftMails + 1);
    }

    @Test
    void the_advocate_writes_views_for_jess_and_the_page_shows_who_wrote_them() {
        String conference = "/conferences/" + fx.freshConference();
        String words = "Jess wants help getting Mia to nursery " + fx.unique("w");
        browser.resize(360, 800);
        browser.signInWithCode("dee.walker@example.org");
        browser.open(conference);
        new Select(browser.waitFor(By.id("view-for"))).selectByVisibleText("Jess Taylor");
        browser.click(By.cssSelector("label[for='view-disagree']"));
        browser.type(By.id("view-words"), words);
        browser.click(By.id("save-view"));
        browser.waitForText(By.id("statements"), "Written by Dee Walker, advocate, for Jess Taylor.");
        assertTrue(browser.text(By.id("statements")).contains("Jess Taylor does not agree with the plan."));
        browser.assertAccessible();
        browser.screenshots("views-written-by-the-advocate");

        // Dee supports the Taylors but is not one of them: her menu leads to the families she supports, the record
        // speaks of "their" details and "the family's" lead worker, and the help page says whom to phone about them.
        assertEquals(1, browser.driver().findElements(By.cssSelector("#app-header a[href='/families']")).size(), "the way to the family's record");
        browser.open("/families");
        browser.waitForText(By.id("family-list"), "Taylor family");
        assertTrue(browser.driver().findElements(By.id("new-family-form")).isEmpty(), "an advocate is not offered to open a case");
        browser.open("/families/" + fx.taylors);
        browser.waitFor(By.id("staff-contacts"));
        String record = browser.text(By.tagName("main"));
        assertTrue(record.contains("Who looked at their record") && record.contains("The family's lead worker: Sam Okafor"), record);
        assertFalse(record.contains("Your details") || record.contains("Your advocate"), record);
        browser.assertAccessible();
        browser.open("/help");
        browser.waitForText(By.id("help-contacts"), "Lead worker for the Taylor family: Sam Okafor");
        browser.assertAccessible();

        try (Browser jess = new Browser()) {
            jess.resize(360, 800);
            jess.signInWithCode("jess.taylor@example.org");
            jess.open(conference);
            jess.waitForText(By.id("statements"), "Written by Dee Walker, advocate, for Jess Taylor.");
            jess.assertAccessible();
            jess.click(By.cssSelector("[data-withdraw]"));
            jess.waitForText(By.id("statements"), "Withdrawn by Jess Taylor");
            jess.assertAccessible();
        }
    }

    @Test
    void the_access_log_shows_one_line_per_worker_per_day_with_overrides_first() {
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        String family = "/families/" + fx.taylors;
        for (int i = 0; i < 4; i++) {
            assertEquals(200, worker.get(family + "/plan").status());
            assertEquals(200, worker.get(family).status());
        }
        String reason = "Baby's weight check " + fx.unique("r");
        ApiClient jessApi = People.signedIn(Role.FAMILY_MEMBER);
        try {
            jessApi.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "DO_NOT_SHARE"));
            assertEquals(201, People.staff("health.visitor").post(family + "/sharing/overrides", json("kind", "CONTACTS",
                    "lawfulBasis", "CHILD_AT_RISK", "reason", reason,
                    "reviewOn", LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(10).toString())).status());
        } finally {
            jessApi.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "SHARE"));
        }

        browser.resize(360, 800);
        browser.signInWithCode("jess.taylor@example.org");
        browser.open(family + "/access-log");
        browser.waitForText(By.id("overrides"), reason);
        assertEquals(Boolean.TRUE, browser.script("return !!(document.getElementById('overrides').compareDocumentPosition("
                + "document.getElementById('access-log')) & Node.DOCUMENT_POSITION_FOLLOWING)"), "overrides come first");
        String today = LocalDate.now(ClockProducer.LOCAL_ZONE).toString();
        var samToday = browser.driver().findElements(By.cssSelector("#access-log > li[data-day='" + today + "']")).stream()
                .filter(li -> li.getText().startsWith("Sam Okafor, Riverside Children's Services, looked at")).toList();
        assertEquals(1, samToday.size(), "one line for Sam today, however many pages he opened");
        WebElement line = samToday.get(0);
        assertTrue(line.getText().contains("your plan") && line.getText().contains("your family's details"), line.getText());
        line.findElement(By.cssSelector("summary")).click();
        assertTrue(line.findElements(By.cssSelector(".govuk-details__text li")).size() >= 8, "the detail lists each look");
        browser.assertAccessible();
        long width = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 360, "nothing runs off a 360 px phone: " + width);
        browser.screenshots("access-log-by-day");
    }
}
