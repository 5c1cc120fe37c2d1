package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A council sets itself up from nothing: an empty PostgreSQL, the server started without demo
 * data, the first administrator made with the command the project ships, and then, in the
 * pages only, agencies, staff who each choose their own password from the emailed link, an
 * advocates' organisation and the agencies working with a family. axe-core checks each page
 * at a 360 px phone's width and a desktop's; screenshots of each go to target/screenshots.
 */
class FreshInstallBrowserIT {

    private static final String PASSWORD = "a long and private passphrase";

    @Test
    void a_council_sets_itself_up_from_a_fresh_install_with_the_shipped_command_and_then_the_pages_only() throws Exception {
        assertTrue(StandaloneServer.available(), "the provisioned server is needed: build wildfly-config first");
        TestEnvironment.start();
        try (var postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (var server = StandaloneServer.freshInstall(200, url, "postgres", "postgres")) {
                server.start();
                assertEquals(0, count(url, "select count(*) from staff_member"), "a fresh install makes no account by itself");
                assertEquals(0, count(url, "select count(*) from agency"));
                assertTrue(server.console().contains("Roundtable has no administrator yet"), "the log tells the operator what to do");

                URI link = URI.create(addAdministrator(url, server.address(), "Morgan Ellis", "morgan.ellis@northdale.example"));
                assertEquals(1, count(url, "select count(*) from staff_member where is_administrator"));
                try (var browser = new Browser(server.address())) {
                    theAdministratorSetsTheirPassword(browser, link);
                    theAdministratorAddsAgenciesStaffAndAnOrganisation(browser);
                    for (String email : List.of("priya.shah@northdale.example", "sam.okafor@northdale.example", "grace.mensah@northdale.example")) {
                        setsOwnPasswordFromTheEmailAndSignsIn(browser, email);
                    }
                    theLeadWorkerOpensACaseAndRecordsTheHealthVisitorsInvolvement(browser);
                    theHealthVisitorNowSeesTheFamily(browser);
                }
            }
        }
    }

    /** The operator's step, as the README gives it: the command's main class, DB_* in the environment. */
    static String addAdministrator(String url, URI publicUrl, String name, String email) throws IOException, InterruptedException {
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Droundtable.public-url=" + publicUrl, "-cp", System.getProperty("java.class.path"),
                "org.roundtable.conference.interfaces.command.AddAdministratorCommand", "--name", name, "--email", email)
                .redirectErrorStream(true);
        command.environment().put("DB_URL", url);
        command.environment().put("DB_USER", "postgres");
        command.environment().put("DB_PASSWORD", "postgres");
        var process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command finished");
        assertEquals(0, process.exitValue(), output);
        var m = Pattern.compile("(http://\\S+/set-password\\?token=\\S+)").matcher(output);
        assertTrue(m.find(), "the command prints the link: " + output);
        assertTrue(output.contains("username morgan.ellis"), output);
        return m.group(1);
    }

    private static long count(String url, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void choose(Browser browser, String name, String value) {
        String id = browser.driver().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).getAttribute("id");
        browser.click(By.cssSelector("label[for='" + id + "']"));
    }

    private static void submit(Browser browser, String formId) {
        browser.click(By.cssSelector("#" + formId + " button[type=submit]"));
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        submit(browser, "sign-in-form");
    }

    private static void signOut(Browser browser) {
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("sign-in-form"));
    }

    private void theAdministratorSetsTheirPassword(Browser browser, URI link) {
        browser.open(link.getPath() + "?" + link.getRawQuery());
        browser.waitForText(By.id("username"), "morgan.ellis");
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("set-password");
        browser.type(By.id("password"), PASSWORD);
        browser.type(By.id("password-again"), "a different passphrase");
        submit(browser, "password-form");
        browser.waitFor(By.className("govuk-error-summary"));
        assertTrue(browser.text(By.id("error-summary")).contains("not the same"));
        browser.type(By.id("password-again"), PASSWORD);
        submit(browser, "password-form");
        browser.waitFor(By.id("password-set"));
        assertEquals("morgan.ellis", browser.value(By.id("username")));
        browser.assertAccessible();
        browser.type(By.id("password"), PASSWORD);
        submit(browser, "sign-in-form");
        // An administrator lands on the administration pages, not an empty list of meetings.
        browser.waitForPath("/admin");
        browser.waitFor(By.id("admin-jobs"));
        browser.waitForText(By.id("admin-cluster"), "Roundtable is running on one server.");
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("admin-home");
        // No family yet, and an administrator cannot add one: the empty list says where families come from.
        browser.click(By.id("families-link"));
        browser.waitForText(By.id("no-families"), "A family is added when a worker opens its case.");
        browser.assertAccessible();

        // The link was for one use: opened again, it says what happened and offers the way on.
        browser.open(link.getPath() + "?" + link.getRawQuery());
        browser.waitForText(By.id("link-problem"), "already been used");
        browser.assertAccessible();
        browser.screenshots("set-password-used");
        browser.click(By.id("go-to-sign-in"));
        browser.waitForPath("/admin");
    }

    private void addAgency(Browser browser, String name, String kind, String phone, boolean tryMistakesFirst) {
        browser.open("/admin/agencies");
        browser.click(By.id("add-agency"));
        browser.waitFor(By.id("agency-form"));
        if (tryMistakesFirst) {
            browser.type(By.id("contact-email"), "not an email address");
            submit(browser, "agency-form");
            browser.waitFor(By.className("govuk-error-summary"));
            String summary = browser.text(By.id("error-summary"));
            assertTrue(summary.contains("Enter the agency's name"), summary);
            assertTrue(summary.contains("Choose what kind of agency this is"), summary);
            assertTrue(browser.text(By.id("agency-name-error")).contains("Enter the agency's name"), "the message is beside the field too");
            browser.assertAccessibleOnPhoneAndDesktop();
            browser.screenshots("agency-form-errors");
            browser.type(By.id("contact-email"), "");
        }
        browser.type(By.id("agency-name"), name);
        choose(browser, "kind", kind);
        browser.type(By.id("contact-phone"), phone);
        submit(browser, "agency-form");
        browser.waitFor(By.id("success-banner"));
        assertTrue(browser.text(By.id("success-banner")).contains(name + " has been added"));
        assertTrue(browser.text(By.id("agency-summary")).contains(phone));
    }

    private void addStaff(Browser browser, String name, String email, String phone, boolean chair, boolean tryMistakesFirst) {
        browser.click(By.id("add-staff"));
        browser.waitFor(By.id("staff-form"));
        if (tryMistakesFirst) {
            browser.assertAccessibleOnPhoneAndDesktop();
            browser.screenshots("staff-new");
            submit(browser, "staff-form");
            browser.waitFor(By.className("govuk-error-summary"));
            String summary = browser.text(By.id("error-summary"));
            assertTrue(summary.contains("Enter the person's full name") && summary.contains("Enter an email address"), summary);
            browser.assertAccessible();
        }
        browser.type(By.id("full-name"), name);
        browser.type(By.id("email"), email);
        browser.type(By.id("phone"), phone);
        if (chair) {
            choose(browser, "roles", "CHAIR");
        }
        submit(browser, "staff-form");
        browser.waitFor(By.id("success-banner"));
        assertTrue(browser.text(By.id("success-banner")).contains("We have emailed " + email), browser.text(By.id("success-banner")));
        assertTrue(browser.text(By.id("staff-list")).contains(name));
    }

    private void theAdministratorAddsAgenciesStaffAndAnOrganisation(Browser browser) {
        browser.click(By.id("agencies-link"));
        browser.waitForText(By.id("agency-list"), "Administration");
        browser.assertAccessible();
        addAgency(browser, "Northdale Children's Services", "CHILDRENS_SOCIAL_CARE", "01632 960 000", true);
        addStaff(browser, "Priya Shah", "priya.shah@northdale.example", "01632 960 010", true, true);
        addStaff(browser, "Sam Okafor", "sam.okafor@northdale.example", "01632 960 011", false, false);
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("agency");
        addAgency(browser, "Northdale Health Visiting", "HEALTH", "01632 960 100", false);
        addStaff(browser, "Grace Mensah", "grace.mensah@northdale.example", "01632 960 101", false, false);

        browser.open("/admin/agencies");
        browser.waitFor(By.id("agency-list"));
        assertTrue(browser.text(By.id("agency-list")).contains("Northdale Health Visiting"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("agencies");
        browser.click(By.linkText("Northdale Health Visiting"));
        browser.click(By.linkText("Grace Mensah"));
        browser.waitFor(By.id("reset-sign-in"));
        assertEquals("grace.mensah", browser.text(By.id("username")));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("staff");

        browser.click(By.linkText("Advocates' organisations"));
        browser.click(By.id("add-organisation"));
        browser.waitFor(By.id("organisation-form"));
        browser.type(By.id("organisation-name"), "Northdale Family Advocacy");
        browser.type(By.id("contact-phone"), "0808 157 0192");
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("organisation-form");
        submit(browser, "organisation-form");
        browser.waitFor(By.id("organisation-list"));
        assertTrue(browser.text(By.id("organisation-list")).contains("Northdale Family Advocacy"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("organisations");
        signOut(browser);
    }

    private void setsOwnPasswordFromTheEmailAndSignsIn(Browser browser, String email) {
        URI link = URI.create(Mailbox.latestPasswordLink(email));
        browser.open(link.getPath() + "?" + link.getRawQuery());
        String username = email.substring(0, email.indexOf('@'));
        browser.waitForText(By.id("username"), username);
        browser.type(By.id("password"), PASSWORD);
        browser.type(By.id("password-again"), PASSWORD);
        submit(browser, "password-form");
        browser.waitFor(By.id("password-set"));
        browser.type(By.id("password"), PASSWORD);
        submit(browser, "sign-in-form");
        browser.waitForPath("/conferences");
        browser.waitFor(By.id("no-conferences"));
        // A newcomer's empty start page says where conferences come from, with the way there.
        browser.waitForText(By.id("no-conferences-next"), "family\u2019s page");
        assertTrue(browser.driver().findElement(By.cssSelector("#no-conferences-next a")).getAttribute("href").endsWith("/families"));
        assertFalse(browser.text(By.id("app-header")).contains("Administration"));
        signOut(browser);
    }

    private void theLeadWorkerOpensACaseAndRecordsTheHealthVisitorsInvolvement(Browser browser) {
        signIn(browser, "sam.okafor", PASSWORD);
        browser.waitForPath("/conferences");
        browser.click(By.linkText("Families"));
        browser.click(By.cssSelector("#main-content details summary"));
        browser.type(By.id("family-name"), "Lee family");
        submit(browser, "new-family-form");
        browser.waitFor(By.id("staff-contacts"));
        String contacts = browser.text(By.id("staff-contacts"));
        assertTrue(contacts.contains("Lead worker: Sam Okafor") && contacts.contains("01632 960 011"), contacts);

        browser.click(By.id("manage-involvements"));
        browser.waitFor(By.id("involvement-form"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("involvements");
        new Select(browser.waitFor(By.id("agency"))).selectByVisibleText("Northdale Health Visiting");
        browser.waitForText(By.id("lead"), "Grace Mensah");
        new Select(browser.waitFor(By.id("lead"))).selectByVisibleText("Grace Mensah");
        browser.type(By.id("starts-on"), "31");
        browser.type(By.id("starts-on-month"), "2");
        browser.type(By.id("starts-on-year"), "2026");
        submit(browser, "involvement-form");
        browser.waitFor(By.className("govuk-error-summary"));
        assertTrue(browser.text(By.id("starts-on-error")).contains("real date"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("involvements-error");

        LocalDate today = LocalDate.now();
        browser.type(By.id("starts-on"), Integer.toString(today.getDayOfMonth()));
        browser.type(By.id("starts-on-month"), Integer.toString(today.getMonthValue()));
        browser.type(By.id("starts-on-year"), Integer.toString(today.getYear()));
        submit(browser, "involvement-form");
        browser.waitFor(By.id("success-banner"));
        assertTrue(browser.text(By.id("involvements")).contains("Grace Mensah"));

        browser.click(By.xpath("//table[@id='involvements']//a[span[contains(., 'Northdale Health Visiting')]]"));
        browser.waitFor(By.id("involvement-form"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.screenshots("involvement-change");
        LocalDate end = today.plusYears(1);
        browser.type(By.id("ends-on"), Integer.toString(end.getDayOfMonth()));
        browser.type(By.id("ends-on-month"), Integer.toString(end.getMonthValue()));
        browser.type(By.id("ends-on-year"), Integer.toString(end.getYear()));
        submit(browser, "involvement-form");
        browser.waitFor(By.id("success-banner"));
        assertTrue(browser.text(By.id("involvements")).contains(Integer.toString(end.getYear())));
        signOut(browser);
    }

    private void theHealthVisitorNowSeesTheFamily(Browser browser) {
        signIn(browser, "grace.mensah", PASSWORD);
        browser.waitForPath("/conferences");
        browser.click(By.linkText("Families"));
        browser.waitFor(By.id("family-list"));
        assertTrue(browser.text(By.id("family-list")).contains("Lee family"), "the involvement gives her agency the case");
    }
}
