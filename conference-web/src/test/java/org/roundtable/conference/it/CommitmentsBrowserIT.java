package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing off, the family's view, dissent, closing and the chair's follow-up, in a real browser, checked by axe-core. */
@BrowserTest
class CommitmentsBrowserIT {

    private static DemoFixture fx;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void a_worker_signs_off_their_agencys_action_and_records_dissent() {
        String conference = fx.freshLiveConference();
        String action = fx.socialCareAction();
        browser.signInAsStaff("social.worker");
        browser.open("/conferences/" + conference);
        browser.waitFor(By.cssSelector("button[data-action='" + action + "']"));
        browser.assertAccessible();
        browser.click(By.cssSelector("button[data-action='" + action + "']"));
        browser.waitForText(By.cssSelector("li[data-action='" + action + "']"), "Signed by Sam Okafor");

        browser.click(By.cssSelector("#views summary"));
        browser.type(By.id("dissent-words"), "Nobody checks that the house is warm.");
        browser.click(By.id("record-dissent"));
        browser.waitForText(By.id("statements"), "Sam Okafor (Riverside Children's Services) disagrees with the decision.");
        assertTrue(browser.text(By.id("statements")).contains("Nobody checks that the house is warm."));
        browser.assertAccessible();
    }

    @Test
    void the_family_says_it_does_not_agree_in_its_own_words_on_a_phone() {
        String conference = fx.freshLiveConference();
        browser.resize(360, 740);
        browser.signInWithCode("jess.taylor@example.org");
        browser.open("/conferences/" + conference);
        browser.waitFor(By.id("family-view"));
        browser.click(By.cssSelector("label[for='view-disagree']"));
        browser.click(By.id("save-view"));
        browser.waitForText(By.id("family-view"), "Say why, in your own words.");
        browser.assertAccessible();
        browser.type(By.id("view-words"), "Ryan should see his dad at weekends.");
        browser.click(By.id("save-view"));
        browser.waitForText(By.id("statements"), "Jess Taylor does not agree with the plan.");
        assertTrue(browser.text(By.id("statements")).contains("Ryan should see his dad at weekends."));
        browser.assertAccessible();
    }

    @Test
    void the_chair_closes_the_conference_and_finds_the_overdue_action_first_on_the_follow_up_page() {
        String conference = fx.freshLiveConference();
        String words = fx.unique("Jess phones the housing office");
        var plan = fx.chair.post("/families/" + fx.taylors + "/plan/goals/" + fx.firstGoal + "/actions", json("description", words,
                "ownerKind", "FAMILY_MEMBER", "ownerId", fx.jess, "dueOn", LocalDate.now().minusDays(1).toString()));
        assertTrue(plan.status() == 200, plan::toString);

        browser.signInAsStaff("chair");
        browser.open("/conferences/" + conference);
        browser.click(By.id("close-conference"));
        browser.click(By.id("continue"));
        browser.type(By.id("decisions"), "Ryan stays on the plan for three more months.");
        browser.click(By.id("continue"));
        browser.waitFor(By.id("lock"));
        browser.assertAccessible();
        browser.click(By.id("lock"));
        browser.waitForText(By.id("closed-record"), "Ryan stays on the plan for three more months.");
        browser.assertAccessible();

        browser.click(By.linkText("Follow-up"));
        browser.waitFor(By.id("dashboard-actions"));
        String first = browser.text(By.cssSelector("#dashboard-actions tbody tr:first-child"));
        assertTrue(first.contains("Overdue"), first);
        assertTrue(browser.text(By.id("dashboard-actions")).contains(words));
        browser.assertAccessible();
    }
}
