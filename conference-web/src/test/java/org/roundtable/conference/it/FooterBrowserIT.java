package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.roundtable.conference.interfaces.security.SessionCookies;

/**
 * Help and trust on every page: the footer's links to help and whom to phone, the accessibility
 * statement, the privacy notice and cookies; the help page names the family's own lead worker
 * with their phone number; the footer's pages work on a 360 px phone and pass axe-core.
 */
@BrowserTest
class FooterBrowserIT {

    private static final List<String> FOOTER_PAGES = List.of("/help", "/accessibility", "/privacy", "/cookies");

    private static DemoFixture fx;

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void every_page_has_the_footer_with_help_accessibility_privacy_and_cookies() {
        for (String page : List.of("/", "/code", "/invite?token=not-a-link", "/confirm-email?token=not-a-link", "/no-such-page",
                "/help", "/accessibility", "/privacy", "/cookies")) {
            assertFooter(page);
        }
        browser.signInWithCode("jess.taylor@example.org");
        String family = "/families/" + fx.taylors;
        for (String page : List.of("/conferences", family, family + "/details", family + "/sharing", family + "/access-log",
                family + "/contact-map", "/conferences/" + fx.conference, "/help")) {
            assertFooter(page);
        }
    }

    @Test
    void a_family_member_finds_her_lead_worker_and_his_phone_number_on_the_help_page() {
        var agency = fx.admin.get("/agencies/" + fx.socialCare).json();
        assertEquals(200, fx.admin.put("/agencies/" + fx.socialCare, json("name", agency.getString("name"), "kind", agency.getString("kind"),
                "contactPhone", "01632 960 500", "contactEmail", "duty@riverside.example")).status());
        browser.resize(360, 800);
        browser.signInWithCode("jess.taylor@example.org");
        browser.click(By.id("footer-help"));
        browser.waitForPath("/help");
        browser.waitFor(By.tagName("h2"));
        browser.screenshot("help-for-a-family-member");
        assertTrue(browser.text(By.tagName("main")).contains("01632 960 500"), () -> browser.text(By.tagName("main")));
        String lead = browser.text(By.cssSelector("#help-contacts [data-role=LEAD_WORKER]"));
        assertTrue(lead.contains("Your lead worker: Sam Okafor"), lead);
        assertTrue(lead.contains("Riverside Children's Services"), lead);
        assertEquals("tel:01632960500", browser.driver().findElement(By.cssSelector("#help-contacts [data-role=LEAD_WORKER] a[href^='tel:']"))
                .getAttribute("href"));
        assertTrue(browser.text(By.cssSelector("#help-contacts [data-role=CHAIR]")).contains("Priya Shah"));
        fitsAPhoneAndIsAccessible();
    }

    @Test
    void the_footer_pages_work_on_a_phone_and_pass_axe_core() {
        browser.resize(360, 800);
        for (String page : FOOTER_PAGES) {
            browser.open(page);
            browser.waitFor(By.tagName("h1"));
            fitsAPhoneAndIsAccessible();
        }
        browser.open("/help");
        browser.waitFor(By.tagName("h2"));
        assertTrue(browser.text(By.tagName("main")).contains("Their phone number is in the email that invited you"),
                "signed out, the help page says where the number is");
    }

    @Test
    void the_privacy_notice_says_the_reason_in_law_how_long_records_are_kept_and_how_to_complain() {
        browser.open("/privacy");
        browser.waitFor(By.id("lawful-basis"));
        String main = browser.text(By.tagName("main"));
        assertTrue(main.contains("We use it for a public task.") && main.contains("We do not rely on your consent."), main);
        assertTrue(main.contains("Roundtable does not delete your family\u2019s record by itself after a set time."), main);
        assertTrue(browser.text(By.id("ico")).contains("0303 123 1113"));
        assertEquals("https://ico.org.uk/make-a-complaint", browser.driver().findElement(By.id("ico-complaint")).getAttribute("href"));
    }

    @Test
    void the_cookies_page_names_the_cookies_the_server_sets() {
        browser.open("/cookies");
        String table = browser.text(By.id("cookie-table"));
        assertTrue(table.contains(SessionCookies.SESSION) && table.contains(SessionCookies.CSRF), table);
        assertEquals(3, browser.driver().findElements(By.cssSelector("#cookie-table tr")).size(), "a heading row and one row per cookie");
    }

    private void assertFooter(String page) {
        browser.open(page);
        browser.waitFor(By.id("footer-links"));
        var links = browser.driver().findElements(By.cssSelector("footer #footer-links a")).stream().map(a -> a.getAttribute("pathname")).toList();
        assertEquals(FOOTER_PAGES, links, page);
    }

    private void fitsAPhoneAndIsAccessible() {
        long width = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 360, browser.path() + " is " + width + " px wide on a 360 px phone");
        browser.assertAccessible();
    }
}
