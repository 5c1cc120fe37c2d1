package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * "Everything we hold" when the server is already sending as many as it will: the family page
 * says so in the reader's language, instead of saving the refusal as a small file of JSON.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class EverythingHeldBrowserIT {

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
    void a_download_refused_while_others_are_under_way_is_explained_on_the_page_in_english_and_in_welsh_not_saved_as_a_file() {
        try (Browser jess = new Browser()) {
            jess.resize(360, 800);
            jess.signInWithCode(JESS);
            String page = "/families/" + fx.taylors;

            ServerSettings.set("roundtable.export.per-family", "0");
            jess.open(page);
            jess.click(By.id("my-data-zip"));
            jess.waitForText(By.id("my-data-refused"), "Your family's data is already being downloaded. Wait for that download to finish, then try again.");
            assertTrue(jess.text(By.id("my-data-refused")).contains("There is a problem"));
            assertEquals(page, jess.path(), "she stays on her page");
            assertEquals("my-data-refused", jess.script("return document.activeElement.id"), "the message has the focus, so it is read out");
            jess.assertAccessible();

            ServerSettings.remove("roundtable.export.per-family");
            ServerSettings.set("roundtable.export.at-once", "0");
            Database.update("update family_member set language = 'cy' where email = ?", JESS);
            jess.open(page);
            jess.click(By.id("my-data-zip"));
            jess.waitForText(By.id("my-data-refused"), "Mae llawer o bobl yn lawrlwytho eu data ar hyn o bryd. Rhowch gynnig arall arni mewn munud.");
            assertTrue(jess.text(By.id("my-data-refused")).contains("Mae problem wedi codi"));
            assertEquals("cy", jess.script("return document.documentElement.lang"));
            jess.assertAccessible();

            // Once the server has room again, the same link downloads with nothing said.
            ServerSettings.remove("roundtable.export.at-once");
            jess.open(page);
            jess.click(By.id("my-data-zip"));
            String notice = (String) jess.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    setTimeout(() => done(document.getElementById('my-data-notice').textContent), 3000);""");
            assertEquals("", notice);
        } finally {
            ServerSettings.remove("roundtable.export.per-family");
            ServerSettings.remove("roundtable.export.at-once");
            Database.update("update family_member set language = 'en' where email = ?", JESS);
        }
    }
}
