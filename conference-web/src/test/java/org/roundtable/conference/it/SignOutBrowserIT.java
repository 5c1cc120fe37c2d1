package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A shared computer after the family signed out: the Back button, the cache and the browser's
 * storage give the next person nothing of the family's record. Long unbroken or right-to-left
 * text cannot widen or reorder a page.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SignOutBrowserIT {

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
    void after_signing_out_the_back_button_shows_nothing_of_the_family() {
        try (Browser jess = new Browser()) {
            jess.signInWithCode("jess.taylor@example.org");
            jess.open("/families/" + fx.taylors);
            jess.waitForText(By.tagName("main"), "Ryan Taylor");
            // What the live room keeps of unconfirmed edits, as it would after a dropped connection.
            jess.script("localStorage.setItem('roundtable.live.' + arguments[0] + '.' + arguments[1], '{\"edits\":\"Ryan Taylor\"}');",
                    fx.jess, fx.conference);

            jess.click(By.id("sign-out"));
            jess.waitForPath("/?signedOut=1");
            assertEquals(0L, jess.script("return localStorage.length;"), "nothing of the live room is left in storage");

            jess.driver().navigate().back();
            // Whatever the browser shows now has had time to appear: a restored page is shown at once.
            jess.waitFor(By.tagName("main"));
            jess.waitForGone(By.id("loading"));
            String shown = jess.text(By.tagName("body"));
            assertFalse(shown.contains("Ryan Taylor"), "Back shows the family's record after sign-out: " + shown);
            assertFalse(shown.contains("Mill Lane"), shown);
        }
    }

    @Test
    void text_a_person_typed_never_widens_or_reorders_the_page() {
        try (Browser chair = new Browser()) {
            chair.resize(360, 740);
            chair.signInAsStaff("chair");
            chair.open("/families/" + fx.taylors);
            chair.waitForText(By.tagName("main"), "Ryan Taylor");
            Object member = chair.script("return [...document.querySelectorAll('main *')]"
                    + ".find(e => e.children.length === 0 && e.textContent.includes('Ryan Taylor'));");
            assertEquals("anywhere", chair.script("return getComputedStyle(arguments[0]).overflowWrap;", member));
            assertEquals("isolate", chair.script("return getComputedStyle(arguments[0]).unicodeBidi;", member));
            assertTrue((Long) chair.script("return document.documentElement.scrollWidth;") <= 360L);
        }
    }
}
