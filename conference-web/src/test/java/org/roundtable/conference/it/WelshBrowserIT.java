package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * Welsh, as a family member on a 360 px phone uses it: she chooses Cymraeg before signing in,
 * her code comes in Welsh, her pages are in Welsh (lang="cy", axe-core clean), and the choice
 * is hers on the server: after signing out, on a browser that forgot it, she signs in to Welsh
 * pages again. Whoever never chose gets English. A newcomer to the family is used, so the demo
 * people keep their English for the other tests.
 */
@BrowserTest
class WelshBrowserIT {

    private static DemoFixture fx;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void a_family_member_chooses_welsh_on_her_phone_and_keeps_it_after_signing_out_and_in_again() {
        String name = fx.unique("Nia Taylor");
        String email = newConfirmedMember(name);
        browser.resize(360, 800);

        browser.open("/");
        browser.waitFor(By.id("get-code"));
        assertEquals("en", lang());
        assertEquals("Cymraeg", browser.text(By.id("language-switch")));
        assertEquals("cy", browser.waitFor(By.id("language-switch")).getAttribute("lang"));
        browser.click(By.id("language-switch"));
        browser.waitForText(By.tagName("h1"), "Mewngofnodi i Roundtable");
        assertEquals("cy", lang());
        assertEquals("English", browser.text(By.id("language-switch")));
        assertEquals("Help a phwy i'w ffonio", browser.text(By.id("footer-help")));
        browser.assertAccessible();

        browser.click(By.id("get-code"));
        browser.waitForText(By.cssSelector("label[for='email']"), "Beth yw eich cyfeiriad e-bost?");
        assertEquals("cy", lang());
        browser.assertAccessible();
        // A mistake is explained in Welsh too: the server's message, in the page's language.
        browser.type(By.id("email"), "not-an-address");
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitForText(By.id("error-summary"), "Rhowch gyfeiriad e-bost go iawn, fel enw@example.org");
        assertTrue(browser.text(By.id("error-summary")).contains("Mae problem wedi codi"));
        browser.assertAccessible();
        browser.type(By.id("email"), email);
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitForText(By.cssSelector("label[for='code']"), "Gwiriwch eich e-bost");
        String code = Mailbox.latestWelshCode(email);
        assertTrue(Mailbox.body(Mailbox.latest(email, "cod mewngofnodi")).startsWith("Eich cod mewngofnodi yw:"),
                "the code's email is written in Welsh");
        browser.assertAccessible();
        browser.type(By.id("code"), code);
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/conferences");
        browser.waitForText(By.tagName("h1"), "Fy nghyfarfodydd");
        assertEquals("cy", Database.text("select language from family_member where email = ?", email),
                "the choice made before signing in is now hers");

        browser.open("/families/" + fx.taylors);
        browser.waitFor(By.id("members"));
        assertEquals("cy", lang());
        String page = browser.text(By.tagName("main"));
        assertTrue(page.contains("Pobl yn y teulu") && page.contains("Y cynllun") && page.contains("Eich eiriolwr"), page);
        assertFalse(page.contains("People in the family"), page);
        assertTrue(page.contains("Jess Taylor"), "names stay as they were written");
        // The demo's birthdays move with the day the demo is loaded: Jess's, as the record holds it, written in Welsh.
        String bornOn = People.signedIn(Role.FAMILY_MEMBER).get("/families/" + fx.taylors).json().getJsonArray("members").stream()
                .map(m -> m.asJsonObject()).filter(m -> "Jess Taylor".equals(m.getString("fullName", null))).findFirst().orElseThrow()
                .getString("dateOfBirth");
        String born = java.time.LocalDate.parse(bornOn).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.forLanguageTag("cy-GB")));
        assertTrue(page.contains(born), born + ": dates in Welsh, though this browser's Intl has no Welsh: " + page);
        browser.assertAccessible();
        browser.screenshots("welsh-family-page");

        browser.click(By.id("footer-help"));
        browser.waitForText(By.tagName("h1"), "Help a phwy i'w ffonio");
        assertEquals("cy", lang());
        assertTrue(browser.text(By.id("help-contacts")).contains("Eich gweithiwr arweiniol"), "her lead worker, in Welsh");
        browser.assertAccessible();

        // Signing out says so in Welsh; then, on a browser that has forgotten the choice, the page is English until she signs in.
        browser.resize(1200, 900);
        browser.click(By.id("sign-out"));
        browser.waitForText(By.tagName("main"), "Rydych wedi allgofnodi.");
        browser.resize(360, 800);
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.open("/code");
        browser.waitForText(By.cssSelector("label[for='email']"), "What is your email address?");
        assertEquals("en", lang());
        browser.type(By.id("email"), email);
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitFor(By.id("code"));
        int welshCodes = Mailbox.count(email, "cod mewngofnodi");
        assertEquals(2, welshCodes, "her own language writes her second code too, though the page was English");
        browser.type(By.id("code"), Mailbox.latestWelshCode(email));
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/conferences");
        browser.waitForText(By.tagName("h1"), "Fy nghyfarfodydd");
        assertEquals("cy", lang());
        browser.assertAccessible();

        // She changes back from any page: English, for her, everywhere.
        browser.open("/families/" + fx.taylors);
        browser.waitFor(By.id("members"));
        browser.click(By.id("language-switch"));
        browser.waitForText(By.tagName("main"), "People in the family");
        assertEquals("en", lang());
        assertEquals("en", Database.text("select language from family_member where email = ?", email));
    }

    @Test
    void a_welsh_reader_is_invited_in_welsh_and_the_link_opens_in_welsh() {
        String name = fx.unique("Elin Taylor");
        String email = newConfirmedMember(name);
        ApiClient elin = signedInWithCode(email);
        assertEquals(200, elin.put("/auth/me/language", json("language", "cy")).status());
        String conference = fx.freshConference();
        String member = DemoFixture.idWhere(fx.chair.get("/families/" + fx.taylors).json(), "members", "fullName", name);
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", member)).status());
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitations", null).status());

        var invitation = Mailbox.latest(email, "Gwahoddiad i gyfarfod");
        String body = Mailbox.body(invitation);
        assertTrue(body.startsWith("Helo " + name + ",") && body.contains("Pwy fydd yno:") && body.contains("Cyfarfod grŵp craidd"), body);
        assertTrue(body.contains("&lang=cy"), "the link opens the invitation page in Welsh: " + body);

        browser.resize(360, 800);
        browser.open(Mailbox.latestLinkTo(email, "Gwahoddiad", "/invite"));
        browser.waitForText(By.tagName("h1"), "Rydych wedi cael gwahoddiad i gyfarfod am eich teulu");
        assertEquals("cy", lang());
        String meeting = browser.text(By.id("meeting"));
        assertTrue(meeting.contains("Cyfarfod grŵp craidd") && meeting.contains("Pwy fydd yno"), "the meeting is described in Welsh: " + meeting);
        assertTrue(browser.text(By.id("answer-form")).contains("Gallaf ddod"));
        browser.assertAccessible();

        // The chair cancels: she is told in Welsh, with the chair's reason as the chair wrote it.
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/cancel", json("reason", "The chair is ill")).status());
        String cancelled = Mailbox.body(Mailbox.latest(email, "Wedi'i ganslo"));
        assertTrue(cancelled.startsWith("Helo " + name + ",") && cancelled.contains("Pam: The chair is ill"), cancelled);
    }

    @Test
    void whoever_never_chose_reads_english_and_is_offered_cymraeg() {
        browser.resize(360, 800);
        browser.signInWithCode("jess.taylor@example.org");
        browser.open("/families/" + fx.taylors);
        browser.waitForText(By.tagName("main"), "People in the family");
        assertEquals("en", lang());
        assertEquals("Cymraeg", browser.text(By.id("language-switch")));
        browser.assertAccessible();
    }

    @Test
    void a_page_not_in_welsh_yet_says_so_in_welsh_and_stays_english() {
        browser.resize(360, 800);
        browser.open("/?lang=cy");
        browser.waitForText(By.tagName("h1"), "Mewngofnodi i Roundtable");
        browser.open("/unlock?token=not-a-real-link");
        browser.waitFor(By.id("only-in-english"));
        assertEquals("en", lang(), "the page's words are English, so its lang says so");
        assertEquals("cy", browser.waitFor(By.id("only-in-english")).getAttribute("lang"));
        browser.assertAccessible();
    }

    @Test
    void an_unknown_language_is_refused_and_changes_nothing_and_staff_keep_english() {
        String email = newConfirmedMember(fx.unique("Owain Taylor"));
        ApiClient owain = signedInWithCode(email);
        Reply refused = owain.put("/auth/me/language", json("language", "fr"));
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        assertEquals("en", Database.text("select language from family_member where email = ?", email));
        assertEquals(403, fx.chair.put("/auth/me/language", json("language", "cy")).status());

        // Once Welsh, what she reads before saving a sharing choice is Welsh too.
        assertEquals(200, owain.put("/auth/me/language", json("language", "cy")).status());
        var preview = owain.get("/families/" + fx.taylors + "/sharing/preview?agencyId=" + fx.health + "&kind=PLAN&preference=DO_NOT_SHARE");
        assertEquals(200, preview.status(), preview::toString);
        // (Another test may have made that choice already: then nothing changes, which is said in Welsh too.)
        assertTrue(preview.body().contains("Ni fydd Riverside Health Visiting yn gweld eich cynllun.")
                || preview.body().contains("Does dim yn newid i Riverside Health Visiting."), preview::toString);
        assertEquals(400, new ApiClient().post("/auth/codes", json("email", email, "language", "xx")).status());
    }

    private String lang() {
        return (String) browser.script("return document.documentElement.lang");
    }

    /** A newcomer the chair adds to the Taylors, whose address is confirmed from the email. */
    private static String newConfirmedMember(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@example.org";
        Reply added = fx.chair.post("/families/" + fx.taylors + "/members", json("fullName", name, "email", email));
        assertEquals(201, added.status(), added::toString);
        String link = Mailbox.latestLinkTo(email, "Confirm", "/confirm-email");
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, new ApiClient().post("/auth/addresses/confirm", json("token", token)).status());
        return email;
    }

    private static ApiClient signedInWithCode(String email) {
        var client = new ApiClient();
        String challenge = client.post("/auth/codes", json("email", email)).json().getString("challengeId");
        Mailbox.awaitDelivery();
        String code = Database.text("select language from family_member where email = ?", email).equals("cy")
                ? Mailbox.latestWelshCode(email) : Mailbox.latestCode(email);
        assertEquals(200, client.post("/auth/codes/verify", json("challengeId", challenge, "code", code)).status());
        return client;
    }
}
