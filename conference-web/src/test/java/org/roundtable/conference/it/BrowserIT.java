package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** People using the pages in a real browser, and axe-core checking each page they see. */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** Signs in through the sign-in page, checking that page for accessibility on the way. */
    private void signInAsStaff(String username) {
        browser.open("/");
        browser.waitFor(By.id("sign-in-form"));
        browser.assertAccessible();
        browser.signInAsStaff(username);
    }

    @Test
    void staff_sign_in_and_see_only_the_families_their_agency_works_with() {
        signInAsStaff("health.visitor");
        browser.waitForText(By.id("signed-in-as"), "Grace Mensah");
        browser.waitFor(By.id("conference-list"));
        browser.assertAccessible();
        browser.click(By.linkText("Families"));
        browser.waitFor(By.id("family-list"));
        String families = browser.text(By.id("family-list"));
        assertTrue(families.contains("Taylor family"), families);
        assertFalse(families.contains("Novak family"), families);
        browser.assertAccessible();

        browser.click(By.linkText("Taylor family"));
        browser.waitFor(By.id("plan"));
        assertTrue(browser.text(By.id("members")).contains("Jess Taylor"));
        assertTrue(browser.text(By.id("involvements")).contains("Riverside Health Visiting"));
        assertTrue(browser.text(By.id("plan")).contains("Overdue"), "the overdue action is marked");
        browser.assertAccessible();
    }

    @Test
    void on_a_phone_the_agencies_table_keeps_each_word_whole_and_scrolls_sideways() {
        signInAsStaff("social.worker");
        browser.click(By.linkText("Families"));
        browser.click(By.linkText("Taylor family"));
        browser.waitFor(By.id("involvements"));
        browser.resize(360, 800);
        // A word drawn on two lines ("Lead worke / r", "Decemb / er") has more than one box.
        Object split = browser.script("""
                const split = [];
                const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  for (const m of node.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    if (range.getClientRects().length > 1) split.push(m[0]);
                  }
                }
                return split.join(', ');""", browser.waitFor(By.id("involvements")));
        assertEquals("", split, "words split across lines in the agencies table on a 360 px phone");
        browser.assertAccessible();
        // The table scrolls inside its box: the page itself never scrolls sideways.
        browser.click(By.id("manage-involvements"));
        browser.waitFor(By.id("involvements"));
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the involvements page fits a 360 px phone's width");
    }

    @Test
    void staff_of_another_agency_do_not_see_the_family() {
        signInAsStaff("housing.officer");
        browser.click(By.linkText("Families"));
        String families = browser.text(By.id("family-list"));
        assertTrue(families.contains("Novak family"), families);
        assertFalse(families.contains("Taylor family"), families);
    }

    @Test
    void a_wrong_password_is_explained_at_the_top_of_the_page() {
        browser.open("/");
        browser.type(By.id("username"), "chair");
        browser.type(By.id("password"), "not-the-password");
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
        browser.waitFor(By.className("govuk-error-summary"));
        assertTrue(browser.text(By.className("govuk-error-summary")).contains("username or password is not right"));
        browser.assertAccessible();
    }

    @Test
    void a_family_member_follows_the_invitation_email_enters_the_code_and_lands_on_that_conference() {
        String token = SignInIT.sendInvitationTo(People.signedIn(Role.CHAIR), "FAMILY_MEMBER");

        browser.open("/invite?token=" + token);
        browser.waitFor(By.id("send-code"));
        browser.assertAccessible();
        browser.click(By.id("send-code"));
        browser.waitFor(By.id("code"));
        browser.assertAccessible();
        browser.type(By.id("code"), Mailbox.latestCode("jess.taylor@example.org"));
        browser.click(By.cssSelector("#code-form button[type=submit]"));

        // Straight to the meeting the invitation was for, not a list to search.
        browser.waitForPath("/conferences/" + SignInIT.demoConferenceId(People.signedIn(Role.CHAIR)));
        browser.waitFor(By.id("agenda"));
        assertTrue(browser.text(By.id("agenda")).contains("What is going well"));
        assertTrue(browser.text(By.id("invitees")).contains("Dee Walker"));
        browser.assertAccessible();

        browser.click(By.linkText("My family"));
        browser.waitFor(By.id("plan"));
        browser.assertAccessible();
    }

    @Test
    void a_family_member_asks_for_a_code_with_their_email_address() {
        browser.open("/");
        browser.click(By.id("get-code"));
        browser.waitFor(By.id("email"));
        browser.assertAccessible();
        browser.type(By.id("email"), "dee.walker@example.org");
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitFor(By.id("code"));
        browser.type(By.id("code"), "12");
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitFor(By.className("govuk-error-summary"));
        browser.assertAccessible();
        browser.type(By.id("code"), Mailbox.latestCode("dee.walker@example.org"));
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/conferences");
        browser.waitForText(By.id("signed-in-as"), "Dee Walker");
    }

    @Test
    void the_chair_opens_a_conference_and_later_ends_it() {
        String conference = new DemoFixture().freshConference();
        signInAsStaff("chair");
        browser.open("/conferences/" + conference);
        browser.click(By.id("move-status"));
        browser.waitFor(By.id("close-conference"));
        assertTrue(browser.text(By.tagName("main")).contains("Live"));
        browser.assertAccessible();
        browser.click(By.id("close-conference"));
        browser.click(By.id("continue"));
        browser.type(By.id("decisions"), "The family carries on with the plan.");
        browser.click(By.id("continue"));
        browser.click(By.id("lock"));
        browser.waitFor(By.id("closed-record"));
        assertTrue(browser.text(By.tagName("main")).contains("Closed"));
        assertTrue(browser.driver().findElements(By.id("join-live")).isEmpty(), "a closed conference has no live room");
        assertTrue(browser.driver().findElements(By.id("calendar")).isEmpty(), "a meeting that is over offers no calendar file");
        assertFalse(browser.text(By.tagName("main")).contains("not ready yet"), "a closed conference's agenda is not promised for later");
    }

    @Test
    void signing_out_returns_to_the_sign_in_page_and_the_session_is_gone() {
        signInAsStaff("teacher");
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("sign-in-form"));
        browser.open("/conferences");
        browser.waitFor(By.id("sign-in-form"));
    }

    @Test
    void a_new_family_member_confirms_their_address_on_a_phone_and_then_signs_in_with_it() {
        var worker = People.staff("social.worker");
        String email = "phone-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var added = worker.post("/families/" + SignInIT.taylorFamilyId(worker) + "/members",
                JsonBodies.json("fullName", "Robin Taylor", "email", email));
        org.junit.jupiter.api.Assertions.assertEquals(201, added.status(), added::toString);
        Mailbox.awaitCount(email, "Confirm", 1);
        var link = java.util.regex.Pattern.compile("/confirm-email\\?token=[A-Za-z0-9_%-]+").matcher(Mailbox.body(Mailbox.latest(email, "Confirm")));
        assertTrue(link.find());
        browser.resize(360, 800);
        browser.open(link.group());
        browser.waitFor(By.id("confirm-form"));
        browser.assertAccessible();
        browser.click(By.id("confirm"));
        browser.waitForText(By.id("confirmed"), email);
        browser.assertAccessible();
        browser.signInWithCode(email);
        browser.waitForText(By.id("signed-in-as"), "Robin Taylor");
    }

    @Test
    void a_locked_out_member_of_staff_follows_the_emailed_link_and_signs_in() {
        String username = "unlock-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var admin = People.staff("admin");
        String agency = admin.get("/agencies?size=100").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("name").equals("Oakfield Primary School")).findFirst().orElseThrow().getString("id");
        admin.post("/agencies/" + agency + "/staff", JsonBodies.json("fullName", "Una Locke", "email", username + "@example.org",
                "username", username, "password", "a-long-enough-password", "roles", jakarta.json.Json.createArrayBuilder().build()));
        for (int i = 0; i < 5; i++) {
            new ApiClient().post("/auth/sign-in", JsonBodies.json("username", username, "password", "wrong-" + i));
        }
        Mailbox.awaitCount(username + "@example.org", "sign in", 1);
        var link = java.util.regex.Pattern.compile("/unlock\\?token=[A-Za-z0-9_%-]+")
                .matcher(Mailbox.body(Mailbox.latest(username + "@example.org", "sign in")));
        assertTrue(link.find());
        browser.open(link.group());
        browser.waitFor(By.id("unlock-form"));
        browser.assertAccessible();
        browser.click(By.id("unlock"));
        browser.waitForPath("/sign-in");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), "a-long-enough-password");
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
        browser.waitForPath("/conferences");
    }
}
