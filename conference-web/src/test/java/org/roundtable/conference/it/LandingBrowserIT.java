package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Where people land: on the page they were going to, lists in date order, and error pages
 * that keep the header, the skip link and a way on.
 */
@BrowserTest
class LandingBrowserIT {

    private static DemoFixture fx;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    private void signInOnThePage(String username) {
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), People.DEMO_PASSWORD);
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
    }

    @Test
    void a_signed_out_worker_following_a_link_to_a_family_lands_on_that_family_after_signing_in() {
        browser.open("/families/" + fx.taylors + "/contact-map");
        browser.waitFor(By.id("sign-in-form"));
        signInOnThePage("social.worker");
        browser.waitForPath("/families/" + fx.taylors + "/contact-map");
    }

    @Test
    void a_family_member_asking_for_a_code_from_a_deep_link_lands_where_the_link_pointed() {
        // At least one coming conference whatever other tests closed or cancelled before this one.
        fx.freshConference();
        browser.open("/families/" + fx.taylors);
        browser.click(By.id("get-code"));
        browser.type(By.id("email"), "jess.taylor@example.org");
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitFor(By.id("code"));
        browser.type(By.id("code"), Mailbox.latestCode("jess.taylor@example.org"));
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/families/" + fx.taylors);
        // The list is drawn once the page has fetched it, a moment after the address changes.
        browser.waitFor(By.cssSelector("#family-conferences li"));

        // The family's conferences: the coming ones first, the next at the top.
        List<Instant> coming = browser.driver().findElements(By.cssSelector("#family-conferences li")).stream()
                .filter(li -> !li.getText().matches("(?s).*\\((past|held|cancelled)\\)$")).map(li -> Instant.parse(li.getAttribute("data-start"))).toList();
        assertFalse(coming.isEmpty());
        assertEquals(coming.stream().sorted().toList(), coming);

        // Whom to call: the lead worker and the chair, with agency, phone and email.
        String contacts = browser.text(By.id("staff-contacts"));
        assertTrue(contacts.contains("Your lead worker: Sam Okafor"), contacts);
        assertTrue(contacts.contains("Riverside Children's Services"), contacts);
        assertTrue(contacts.contains("Chair of your meetings: Priya Shah"), contacts);
        assertFalse(browser.driver().findElements(By.cssSelector("#staff-contacts a[href^='mailto:']")).isEmpty());
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("family-whom-to-contact");
    }

    @Test
    void a_return_address_to_another_website_is_ignored() {
        for (String next : List.of("//evil.example/steal", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
            browser.open("/?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            browser.waitFor(By.id("sign-in-form"));
            signInOnThePage("teacher");
            browser.waitForPath("/conferences");
            assertTrue(browser.driver().getCurrentUrl().startsWith(ApiClient.BASE.toString()), next + " led to " + browser.driver().getCurrentUrl());
            browser.click(By.id("sign-out"));
            browser.waitFor(By.id("sign-in-form"));
        }
    }

    @Test
    void conferences_are_listed_next_first_with_past_ones_apart() {
        String later = fx.freshConference();
        String past = fx.freshConference();
        Database.update("update conference set scheduled_start = now() - interval '30 days' where id = ?", UUID.fromString(past));
        browser.signInAsStaff("chair");
        browser.waitFor(By.id("past-conferences"));
        List<Instant> coming = starts("#conference-list li");
        assertTrue(coming.size() >= 2, "coming conferences: " + coming);
        assertEquals(coming.stream().sorted().toList(), coming, "the next one first");
        assertTrue(coming.get(0).isAfter(Instant.now().minusSeconds(3600)));
        List<Instant> gone = starts("#past-conferences li");
        assertEquals(gone.stream().sorted(java.util.Comparator.reverseOrder()).toList(), gone, "the latest past (or closed) one first");
        assertTrue(browser.text(By.id("past-conferences")).contains("Core group"));
        assertFalse(browser.driver().findElements(By.cssSelector("#past-conferences a[href='/conferences/" + past + "']")).isEmpty());
        assertFalse(browser.driver().findElements(By.cssSelector("#conference-list a[href='/conferences/" + later + "']")).isEmpty());
        browser.assertAccessible();
        browser.screenshots("my-conferences");
    }

    private List<Instant> starts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(e -> Instant.parse(e.getAttribute("data-start"))).toList();
    }

    @Test
    void a_page_that_does_not_exist_keeps_the_header_the_skip_link_and_a_way_on() {
        browser.open("/no-such-page");
        browser.waitForText(By.id("error-title"), "Page not found");
        assertFalse(browser.driver().findElements(By.cssSelector("a.govuk-skip-link[href='#main-content']")).isEmpty());
        assertFalse(browser.driver().findElements(By.cssSelector("header .govuk-service-navigation")).isEmpty());
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("error-404-static");
        browser.click(By.id("way-on"));
        browser.waitFor(By.id("sign-in-form"));

        browser.signInAsStaff("social.worker");
        browser.open("/conferences/00000000-0000-4000-8000-000000000000");
        browser.waitForText(By.id("error-title"), "Page not found");
        assertTrue(browser.text(By.id("app-header")).contains("Families"), "a signed-in person keeps their navigation");
        assertEquals("Go to my conferences", browser.text(By.id("way-on")));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("error-404");
    }

    @Test
    void a_page_someone_may_not_see_says_so_in_the_usual_frame_with_a_way_on() {
        browser.signInAsStaff("teacher");
        browser.open("/admin/agencies");
        browser.waitForText(By.id("error-title"), "You cannot see this page");
        assertTrue(browser.text(By.tagName("main")).contains("Only administrators"));
        assertFalse(browser.driver().findElements(By.cssSelector("a.govuk-skip-link")).isEmpty());
        browser.click(By.id("way-on"));
        browser.waitForPath("/conferences");
        browser.open("/admin/agencies");
        browser.waitFor(By.id("error-title"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("error-403");
    }
}
