package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.roundtable.conference.plainwords.PlainWords;

/**
 * Every page and email a family member or an advocate reads, in plain words: no sentence over
 * 20 words, a Flesch reading ease of at least 70, and no jargon left unexplained (the rules
 * and the word list are in {@link PlainWords} and its {@code Jargon}). The text checked is what
 * the person sees in the page's main part, on a phone; each test lists every problem it found.
 */
@BrowserTest
class PlainWordsBrowserIT {

    private static final String JESS = "jess.taylor@example.org";
    private static final String DEE = "dee.walker@example.org";
    private static final List<String> FOOTER_PAGES = List.of("/help", "/accessibility", "/privacy", "/cookies");

    private static DemoFixture fx;

    private Browser browser;

    private final List<String> problems = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void a_family_member_reads_every_page_in_plain_words() {
        String family = "/families/" + fx.taylors;
        String coreGroup = fx.freshConferenceWithJess();
        assertEquals(200, fx.chair.post("/conferences/" + coreGroup + "/invitations", null).status());
        String invitation = Mailbox.latestInvitationToken(JESS);
        browser.resize(360, 800);

        read("/", By.id("sign-in-form"), "the sign-in page");
        read("/invite?token=" + java.net.URLEncoder.encode(invitation, java.nio.charset.StandardCharsets.UTF_8), By.id("answer-form"),
                "the invitation page");
        read("/invite?token=not-a-real-link", By.id("link-state"), "a broken invitation link");
        read("/confirm-email?token=" + fx.freshConfirmationToken(), By.id("confirm-form"), "the confirm-email page");
        FOOTER_PAGES.forEach(page -> read(page, By.tagName("h1"), page + " (signed out)"));
        read("/code", By.id("email-form"), "the code page");
        browser.type(By.id("email"), JESS);
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitFor(By.id("code"));
        check("the page to type the code", mainText());
        browser.type(By.id("code"), Mailbox.latestCode(JESS));
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/conferences");

        read("/conferences", By.tagName("h1"), "the conferences list");
        read(family, By.id("members"), "the family's page");
        read(family + "/details", By.id("member-forms"), "the details page");
        read(family + "/sharing", By.id("preferences"), "the sharing page");
        read(family + "/contact-map", By.cssSelector("#contact-chart svg"), "the contact map");
        read("/conferences/" + fx.conference, By.id("sign-off"), "the conference page");
        read("/conferences/" + coreGroup, By.id("sign-off"), "a core group meeting's page");
        FOOTER_PAGES.forEach(page -> read(page, By.tagName("h1"), page + " (signed in)"));

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    // The access log and the live room are being rewritten apart (one line a worker a day; the room on a phone): their own tests.

    @Test
    void a_family_member_reads_who_looked_at_her_record_in_plain_words() {
        browser.resize(360, 800);
        browser.signInWithCode(JESS);
        read("/families/" + fx.taylors + "/access-log", By.tagName("h1"), "the access log");

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void a_family_member_reads_the_live_room_in_plain_words() {
        browser.resize(360, 800);
        browser.signInWithCode(JESS);
        browser.open("/conferences/" + fx.conference + "/live");
        browser.waitForText(By.id("connection-state"), "Connected");
        browser.waitFor(By.id("live-people"));
        check("the live room", mainText());

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void an_advocate_reads_every_page_in_plain_words() {
        browser.resize(360, 800);
        browser.signInWithCode(DEE);
        read("/conferences", By.tagName("h1"), "the advocate's conferences list");
        read("/families/" + fx.taylors, By.id("members"), "the family's page, for the advocate");
        read("/conferences/" + fx.conference, By.id("sign-off"), "the conference page, for the advocate");
        read("/help", By.tagName("h1"), "the help page, for the advocate");

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void every_email_a_family_member_gets_is_in_plain_words() {
        // The mail server lists messages mailbox by mailbox, not in the order they came: what is new
        // is what was not there before, by its Message-ID.
        var before = Arrays.stream(TestEnvironment.receivedMessages()).map(PlainWordsBrowserIT::id).collect(java.util.stream.Collectors.toSet());
        String family = "/families/" + fx.taylors;
        // Jess's address as the record holds it now (other tests may have changed it since the demo).
        familyAddress = Database.text("select email from family_member where id = ?", java.util.UUID.fromString(fx.jess));
        // A sign-in code (asked for afresh: a signed-in session may be reused), a new member's address to
        // confirm (and the family told), an invitation.
        People.withCode(JESS);
        fx.freshConfirmationToken();
        String meeting = fx.freshConferenceWithJess();
        assertEquals(200, fx.chair.post("/conferences/" + meeting + "/invitations", null).status());
        // A worker asks to see something, and a worker looks against the family's wishes.
        fx.freshRequest();
        fx.socialCareContacts("SHARE");
        assertEquals(201, fx.chair.post(family + "/sharing/overrides", json("kind", "REPORTS", "lawfulBasis", "STATUTORY_DUTY",
                "reason", "I must read the reports before the meeting.", "reviewOn", LocalDate.now().plusDays(30).toString())).status());
        fx.endOverrides(fx.socialCare, "REPORTS");
        // The meeting is held and closed: the minutes are ready.
        var view = fx.chair.get("/conferences/" + meeting).json();
        assertEquals(200, fx.chair.put("/conferences/" + meeting, json("kind", "CORE_GROUP", "scheduledStart", view.getString("scheduledStart"),
                "status", "LIVE")).status());
        assertEquals(200, fx.close(meeting).status());
        Mailbox.awaitDelivery();

        var messages = Arrays.stream(TestEnvironment.receivedMessages()).filter(m -> !before.contains(id(m))).toList();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            if (!toFamily(message)) {
                continue;
            }
            try {
                subjects.add(message.getSubject());
                check("the email \"" + message.getSubject() + "\"", english(message.getSubject(), Mailbox.body(message)));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String kind : new String[] {"sign-in code", "Confirm your email", "invited", "asks to see",
                "a worker looked at", "Minutes"}) {
            assertTrue(subjects.stream().anyMatch(s -> s.contains(kind)), () -> "no email about '" + kind + "' among " + subjects);
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * The measure is English's: of an email written in both languages (the address confirmation,
     * its halves between a line of dashes, its subject's around " / "), the English half is read.
     */
    private static String english(String subject, String body) {
        String[] halves = body.split("\\R-{10}\\R");
        if (halves.length == 1) {
            return subject + "\n" + body;
        }
        String englishSubject = Arrays.stream(subject.split(" / ")).filter(s -> s.startsWith("Confirm")).findFirst().orElse(subject);
        return englishSubject + "\n" + Arrays.stream(halves).filter(h -> h.contains("Hello ")).findFirst().orElseThrow();
    }

    private void read(String path, By ready, String where) {
        browser.open(path);
        browser.waitFor(ready);
        check(where, mainText());
    }

    /** What the page shows in its main part, as the browser lays it out: table cells apart, hidden parts left out. */
    private String mainText() {
        return (String) browser.script("return document.querySelector('main').innerText;");
    }

    private void check(String where, String text) {
        var found = PlainWords.problems(where, text);
        if (!found.isEmpty()) {
            // The whole text, in the test's output, for whoever rewrites it.
            System.out.println("==== " + where + "\n" + text);
        }
        problems.addAll(found);
    }

    /** To a family member (Jess, or the new member whose address is to be confirmed), not to staff. */
    private String familyAddress = JESS;

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID() + " " + message.getSubject() + " " + Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean toFamily(MimeMessage message) {
        try {
            // The address alone: a recipient may carry a name ("Jess Taylor <jess.taylor@example.org>").
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(a -> a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString())
                    .anyMatch(a -> a.equalsIgnoreCase(JESS) || a.equalsIgnoreCase(String.valueOf(familyAddress))
                            || a.toLowerCase().startsWith("confirm-"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
