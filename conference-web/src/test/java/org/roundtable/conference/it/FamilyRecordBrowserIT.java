package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The family's own record, done as people would do it in the browser: Jess on a phone, the
 * health visitor and the chair at their desks; axe-core checks every page they see.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class FamilyRecordBrowserIT {

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
    void the_family_keeps_its_record_and_sees_who_shared_and_who_looked() {
        String family = "/families/" + fx.taylors;
        String phone = "07700 9" + (100000 + (int) (Math.random() * 800000));
        String reason = "Mia has lost weight and I must check the plan today " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser jess = new Browser()) {
            jess.resize(360, 740);
            jess.signInWithCode("jess.taylor@example.org");

            // Tell us once: Jess changes her phone number.
            jess.open(family + "/details");
            jess.waitFor(By.id("phone-" + fx.jess));
            jess.assertAccessible();
            // Her own email address is a box she can change, not stray text where a box should be.
            assertTrue(jess.driver().findElement(By.id("email-" + fx.jess)).getAttribute("value").contains("@"), "her address, in a box");
            assertFalse(jess.driver().findElement(By.tagName("main")).getText().contains("[object"), "nothing drawn as [object …]");
            jess.driver().findElement(By.id("phone-" + fx.jess)).clear();
            jess.type(By.id("phone-" + fx.jess), phone);
            jess.click(By.cssSelector("form[data-member='" + fx.jess + "'] button[type=submit]"));
            jess.waitForText(By.id("saved"), "Every worker now sees");

            // She stops sharing her plan with health visiting.
            jess.open(family + "/sharing");
            jess.waitFor(By.id("pref-" + fx.health + "-PLAN"));
            jess.assertAccessible();
            new Select(jess.driver().findElement(By.id("pref-" + fx.health + "-PLAN"))).selectByValue("DO_NOT_SHARE");
            jess.click(By.cssSelector("form[data-agency='" + fx.health + "'] button[type=submit]"));
            jess.waitForText(By.id("preview"), "Riverside Health Visiting will not see your plan.");
            jess.click(By.id("confirm-save"));
            jess.waitForText(By.tagName("main"), "now sees only what you share");

            try (Browser worker = new Browser()) {
                worker.signInAsStaff("social.worker");
                worker.open(family);
                worker.waitForText(By.id("members"), phone);
            }

            try (Browser health = new Browser()) {
                health.signInAsStaff("health.visitor");
                health.open(family);
                health.waitForText(By.tagName("main"), "Not shared with your agency");
                health.assertAccessible();
                health.open(family + "/sharing");
                health.waitFor(By.id("override-form"));
                new Select(health.driver().findElement(By.id("override-kind"))).selectByValue("PLAN");
                health.type(By.id("override-reason"), reason);
                java.time.LocalDate review = java.time.LocalDate.now().plusDays(30);
                health.type(By.id("override-review"), Integer.toString(review.getDayOfMonth()));
                health.type(By.id("override-review-month"), Integer.toString(review.getMonthValue()));
                health.type(By.id("override-review-year"), Integer.toString(review.getYear()));
                health.click(By.id("override"));
                health.waitForText(By.tagName("main"), "Override recorded");
                health.assertAccessible();
                health.open(family);
                health.waitFor(By.id("plan"));
            }

            jess.open(family + "/sharing");
            jess.waitForText(By.id("ledger"), reason);
            assertTrue(jess.text(By.id("ledger")).contains("Grace Mensah at Riverside Health Visiting"));

            jess.open(family + "/access-log");
            jess.waitForText(By.id("access-log"), "Grace Mensah, Riverside Health Visiting");
            jess.assertAccessible();

            jess.open(family + "/contact-map");
            jess.waitFor(By.cssSelector("#contact-chart svg"));
            assertEquals(15, jess.driver().findElements(By.cssSelector("#contact-table thead th")).size(), "agency, 12 months, total, kinds");
            jess.assertAccessible();

            jess.open(family);
            jess.waitFor(By.id("my-data-json"));
            jess.assertAccessible();
            Object exported = jess.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('my-data-json').href).then(r => r.json()).then(d => done(JSON.stringify(d)));""");
            String data = (String) exported;
            for (String part : new String[] {"\"plan\"", "\"contacts\"", "\"accessLog\"", "\"sharing\"", phone, reason}) {
                assertTrue(data.contains(part), "the export contains " + part);
            }
        } finally {
            People.signedIn(Role.FAMILY_MEMBER).put(family + "/sharing/preferences",
                    json("agencyId", fx.health, "kind", "PLAN", "preference", "SHARE"));
        }
    }

    @Test
    void a_worker_records_a_contact_in_the_pages_and_it_shows_on_the_family_page_and_the_contact_map() {
        String family = "/families/" + fx.taylors;
        String summary = "Phoned Jess about the nursery place " + UUID.randomUUID().toString().substring(0, 6);
        java.time.LocalDate today = java.time.LocalDate.now(org.roundtable.conference.application.ClockProducer.LOCAL_ZONE);
        try (Browser worker = new Browser()) {
            worker.resize(360, 800);
            worker.signInAsStaff("social.worker");
            worker.open(family);
            worker.click(By.id("record-contact"));
            worker.waitFor(By.id("contact-form"));
            worker.assertAccessible();

            // Nothing filled in: each problem beside its field and in the summary.
            worker.click(By.id("save-contact"));
            worker.waitForText(By.id("error-summary"), "Enter the date of the contact");
            String problems = worker.text(By.id("error-summary"));
            assertTrue(problems.contains("Choose the kind of contact") && problems.contains("Write a short summary"), problems);
            worker.assertAccessible();

            // Tomorrow: the server refuses it, and says so beside the date.
            java.time.LocalDate tomorrow = today.plusDays(1);
            worker.type(By.id("happened-on"), Integer.toString(tomorrow.getDayOfMonth()));
            worker.type(By.id("happened-on-month"), Integer.toString(tomorrow.getMonthValue()));
            worker.type(By.id("happened-on-year"), Integer.toString(tomorrow.getYear()));
            worker.click(By.cssSelector("label[for='kind-2']"));
            worker.type(By.id("summary"), summary);
            worker.click(By.id("save-contact"));
            worker.waitForText(By.id("happened-on-error"), "cannot be recorded before it happens");
            assertEquals(0L, Database.count("select count(*) from contact where summary = ?", summary), "nothing stored");

            worker.driver().findElement(By.id("happened-on")).clear();
            worker.type(By.id("happened-on"), Integer.toString(today.getDayOfMonth()));
            worker.driver().findElement(By.id("happened-on-month")).clear();
            worker.type(By.id("happened-on-month"), Integer.toString(today.getMonthValue()));
            worker.driver().findElement(By.id("happened-on-year")).clear();
            worker.type(By.id("happened-on-year"), Integer.toString(today.getYear()));
            worker.click(By.id("save-contact"));
            worker.waitForText(By.id("success-banner"), "Contact recorded");
            worker.waitForText(By.id("contacts"), summary);
            worker.assertAccessible();

            worker.open(family + "/contact-map");
            worker.waitForText(By.id("contact-map-intro"), "in touch with the family");
            // On a phone the month-by-month list (the wide table is for desktops).
            assertTrue(worker.text(By.id("contact-months")).contains("Riverside Children's Services"), worker.text(By.id("contact-months")));
            worker.assertAccessible();
        }
    }

    @Test
    void the_chair_sees_a_late_report_on_the_conference_page() {
        String start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String conference = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "REVIEW_CHILD_PROTECTION",
                "scheduledStart", start)).json().getString("id");
        // Booked in good time, ten days ago: the deadline (three working days before) has passed with no report.
        // (One booked today at short notice has its reports due by its start instead: WholeJobInPagesBrowserIT.)
        Database.update("update conference set start_set_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)), java.util.UUID.fromString(conference));
        try (Browser chair = new Browser()) {
            chair.signInAsStaff("chair");
            chair.open("/conferences/" + conference);
            chair.waitForText(By.id("reports-expected"), "Late");
            assertTrue(chair.text(By.id("reports-expected")).contains("Riverside Children's Services"));
            chair.assertAccessible();
        }
    }
}
