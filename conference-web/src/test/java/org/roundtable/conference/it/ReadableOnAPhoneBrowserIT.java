package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Jess on a 360 px phone: she finds "everything we hold" as one download, reads the contact map
 * (text at least 12 px, agencies told apart without colour, the months with contacts first, the
 * table's caption in view), and prints her plan on a plain page; axe-core checks each page.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class ReadableOnAPhoneBrowserIT {

    private static final String JESS = "jess.taylor@example.org";
    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
    }

    @Test
    void on_a_phone_the_family_downloads_everything_we_hold_as_one_zip() {
        try (Browser jess = new Browser()) {
            jess.resize(360, 800);
            jess.signInWithCode(JESS);
            jess.open("/families/" + fx.taylors);
            var link = jess.waitFor(By.id("my-data-zip"));
            assertEquals("Download everything we hold about you (ZIP)", link.getText());
            assertTrue(link.isDisplayed());
            assertTrue(((Number) jess.script("return arguments[0].getBoundingClientRect().right;", link)).doubleValue()
                    <= ((Number) jess.script("return document.documentElement.clientWidth;")).doubleValue(), "the link fits the phone's width");
            jess.assertAccessible();
            String answer = (String) jess.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('my-data-zip').href)
                      .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                        + String.fromCharCode(...new Uint8Array(b).slice(0, 2)))));""");
            assertEquals("200 application/zip PK", answer);
        }
    }

    @Test
    void on_a_phone_the_contact_map_reads_at_twelve_pixels_with_the_busy_months_first_and_agencies_told_apart_without_colour() {
        try (Browser jess = new Browser()) {
            jess.resize(360, 800);
            jess.signInWithCode(JESS);
            jess.open("/families/" + fx.taylors + "/contact-map");
            jess.waitFor(By.cssSelector("#contact-chart svg text"));
            @SuppressWarnings("unchecked")
            var sizes = (List<Number>) jess.script("""
                    const svg = document.querySelector('#contact-chart svg');
                    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                    return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);""");
            assertFalse(sizes.isEmpty());
            for (Number size : sizes) {
                assertTrue(size.doubleValue() >= 12, "chart text shown at " + size + " px: " + sizes);
            }
            @SuppressWarnings("unchecked")
            var fills = (List<String>) jess.script("""
                    return [...document.querySelectorAll('#contact-chart svg pattern')]
                      .map(p => [...p.children].filter(c => c.getAttribute('width') !== '8').map(c => c.outerHTML).join(''));""");
            assertTrue(fills.size() >= 2 && fills.stream().distinct().count() == fills.size(),
                    "each agency has its own marks, colour aside: " + fills);

            var months = jess.waitFor(By.id("contact-months"));
            assertTrue(months.isDisplayed(), "the month-by-month table is the phone's");
            assertFalse(jess.driver().findElement(By.id("contact-table")).isDisplayed(), "the wide grid is for wider screens");
            var firstRow = jess.driver().findElement(By.cssSelector("#contact-months tbody tr"));
            assertTrue(Integer.parseInt(firstRow.findElement(By.cssSelector("td:last-child")).getText()) > 0,
                    "the first month shown has contacts: " + firstRow.getText());
            @SuppressWarnings("unchecked")
            var caption = (Map<String, Object>) jess.script("""
                    const r = document.querySelector('#contact-months caption').getBoundingClientRect();
                    return { left: r.left, right: r.right, width: document.documentElement.clientWidth,
                      scroll: document.documentElement.scrollWidth };""");
            assertTrue(((Number) caption.get("left")).doubleValue() >= 0
                    && ((Number) caption.get("right")).doubleValue() <= ((Number) caption.get("width")).doubleValue(),
                    "the caption is not cut off: " + caption);
            assertEquals(((Number) caption.get("width")).intValue(), ((Number) caption.get("scroll")).intValue(), "nothing runs off the page");
            jess.assertAccessible();
        }
    }

    @Test
    void the_family_prints_the_plan_on_a_plain_page_with_every_goal_and_action() {
        var plan = People.signedIn(Role.FAMILY_MEMBER).get("/families/" + fx.taylors + "/plan").json();
        try (Browser jess = new Browser()) {
            jess.resize(360, 800);
            jess.signInWithCode(JESS);
            jess.open("/families/" + fx.taylors);
            jess.click(By.id("print-plan"));
            jess.waitForText(By.tagName("h1"), "The plan for the Taylor family");
            jess.assertAccessible();
            String page = jess.text(By.id("main-content"));
            for (var g : plan.getJsonArray("goals")) {
                var goal = g.asJsonObject();
                assertTrue(page.contains(goal.getString("title")), goal.getString("title"));
                for (var a : goal.getJsonArray("actions")) {
                    var action = a.asJsonObject();
                    assertTrue(page.contains(action.getString("description")), action.getString("description"));
                    if (!action.isNull("ownerName")) {
                        assertTrue(page.contains(action.getString("ownerName")), action.getString("ownerName"));
                    }
                }
            }
            assertEquals(plan.getJsonArray("goals").size(), jess.driver().findElements(By.cssSelector(".app-print-goal")).size());
            assertTrue(page.contains("Agreed, not started yet") || page.contains("Started"), "each action says where it stands");

            ((ChromiumDriver) jess.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertFalse(jess.driver().findElement(By.id("app-header")).isDisplayed(), "no navigation on paper");
            assertFalse(jess.driver().findElement(By.id("print")).isDisplayed(), "no button on paper");
            assertEquals("rgba(0, 0, 0, 1)", jess.driver().findElement(By.cssSelector(".app-print-goal td")).getCssValue("color"));
            assertEquals("rgba(255, 255, 255, 1)", jess.driver().findElement(By.tagName("body")).getCssValue("background-color"));
        }
    }
}
