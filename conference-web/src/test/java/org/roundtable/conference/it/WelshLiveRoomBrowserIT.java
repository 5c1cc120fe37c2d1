package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The live room in Welsh, as a Welsh-speaking family member uses it on a 360 px phone: every line
 * of the room is Welsh (lang="cy", no "not in Welsh yet" notice), she raises her hand, adds a goal,
 * a comment and a due date (with a mistake explained in Welsh), "Raise my hand" is still within
 * five tab stops, axe-core finds nothing; and switching to English at the room's end keeps her in
 * the meeting, with her hand up and what she had typed but not sent. A newcomer to a small family
 * of the test's own is used, so the demo people keep their English for the other tests and the
 * room stays small.
 */
@BrowserTest
class WelshLiveRoomBrowserIT {

    /** Lines of the English room that must not be left in the Welsh one. */
    private static final List<String> ENGLISH = List.of("Live conference", "Raise my hand", "Lower my hand", "Who is here", "Voice and video",
            "Join with video", "Join by voice only", "Connected", "Add a comment", "Post comment", "What needs to change", "The plan",
            "Add a goal", "Conference page", "Here (", "Hand up", "Family member", "The meeting is on", "Not written yet", "Change");

    private static DemoFixture fx;
    /** A family and meeting of this class's own: the demo Taylors' room grows with every other test. */
    private static SmallMeeting meeting;
    private Browser browser;

    @BeforeAll
    static void ownMeeting() {
        meeting = SmallMeeting.create(fx);
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void a_welsh_speaking_family_member_takes_part_in_the_live_room_in_welsh_on_her_phone_and_switches_language_without_leaving() {
        String name = fx.unique("Cerys Taylor");
        String email = welshMember(name);
        String conference = meeting.conference;
        String member = DemoFixture.idWhere(fx.chair.get("/families/" + meeting.family).json(), "members", "fullName", name);
        Reply invited = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", member));
        assertEquals(200, invited.status(), invited::toString);

        browser.resize(360, 800);
        signInInWelsh(email);
        browser.open("/conferences/" + conference + "/live");
        browser.waitForText(By.id("connection-state"), "Wedi cysylltu");
        browser.waitFor(By.id("live-people"));
        assertEquals("cy", lang());
        assertTrue(browser.driver().findElements(By.id("only-in-english")).isEmpty(), "the room no longer says it is only in English");
        assertEquals("Cyfarfod byw", browser.text(By.tagName("h1")));
        assertEquals("Codi fy llaw", browser.text(By.id("hand")));
        assertTrue(browser.text(By.id("rt-media-bar")).contains("Ymuno drwy lais yn unig"), browser.text(By.id("rt-media-bar")));
        assertTrue(browser.text(By.id("live-side")).contains("Pwy sydd yma"));
        assertTrue(firstTabStops().contains("hand"), "Codi fy llaw within five tab stops: " + firstTabStops());

        // Her hand, in Welsh.
        browser.click(By.id("hand"));
        browser.waitForText(By.id("hand"), "Gostwng fy llaw");
        browser.waitForText(By.id("live-bar-people"), "Llaw i fyny");

        // A new goal, its words typed live and saved as she types.
        clickInView(By.id("add-goal"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> String.valueOf(browser.script("return document.activeElement.id;")).endsWith("-TITLE"));
        String titleField = String.valueOf(browser.script("return document.activeElement.id;"));
        String goal = titleField.substring(2, titleField.length() - "-TITLE".length());
        String title = fx.unique("Cerdded i'r ysgol bob bore");
        browser.driver().findElement(By.id(titleField)).sendKeys(title);
        assertEquals("Gorffen", browser.text(By.id("save-" + goal + "-TITLE")));
        clickInView(By.id("save-" + goal + "-TITLE"));
        browser.waitForText(By.cssSelector("[data-value-for='" + goal + ":TITLE']"), title);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> goalTitles().contains(title));

        // An action under it, and its due date: a date that does not exist is explained in Welsh, a real one written in Welsh.
        clickInView(By.id("add-action-" + goal));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> String.valueOf(browser.script("return document.activeElement.id;")).endsWith("-DESCRIPTION"));
        String descriptionField = String.valueOf(browser.script("return document.activeElement.id;"));
        String action = descriptionField.substring(2, descriptionField.length() - "-DESCRIPTION".length());
        browser.driver().findElement(By.id(descriptionField)).sendKeys("Gadael y tŷ am 8:15");
        clickInView(By.id("save-" + action + "-DESCRIPTION"));
        clickInView(By.id("change-" + action + "-DUE_ON"));
        browser.type(By.id("f-" + action + "-DUE_ON-day"), "31");
        browser.type(By.id("f-" + action + "-DUE_ON-month"), "2");
        browser.type(By.id("f-" + action + "-DUE_ON-year"), "2027");
        clickInView(By.id("save-" + action + "-DUE_ON"));
        browser.waitForText(By.id("error-" + action + "-DUE_ON"), "Rhaid i'r dyddiad fod yn ddyddiad go iawn");
        browser.type(By.id("f-" + action + "-DUE_ON-day"), "27");
        browser.type(By.id("f-" + action + "-DUE_ON-month"), "3");
        clickInView(By.id("save-" + action + "-DUE_ON"));
        browser.waitForText(By.cssSelector("[data-value-for='" + action + ":DUE_ON']"), "27 Mawrth 2027");

        // A comment on the goal.
        clickInView(By.cssSelector("#comments-" + goal + " summary"));
        assertEquals("Ychwanegu sylw", browser.text(By.cssSelector("label[for='comment-" + goal + "']")));
        browser.type(By.id("comment-" + goal), "Mae hyn yn gweithio i ni");
        clickInView(By.cssSelector("#comments-" + goal + " button[type=submit]"));
        browser.waitForText(By.cssSelector("[data-comments-for='" + goal + "']"), name + ": Mae hyn yn gweithio i ni");

        String room = browser.text(By.tagName("main"));
        for (String english : ENGLISH) {
            assertFalse(room.contains(english), "the Welsh room still says \"" + english + "\":\n" + room);
        }
        assertTrue(browser.text(By.id("goal-heading-" + goal)).startsWith("Nod "), browser.text(By.id("goal-heading-" + goal)));
        assertEquals("English", browser.text(By.id("language-switch")));
        assertEquals("en", browser.waitFor(By.id("language-switch")).getAttribute("lang"));
        browser.assertAccessibleOnPhoneAndDesktop();
        browser.script("window.scrollTo(0, 0);");
        browser.screenshots("welsh-live-room");

        // Switching at the room's end: a draft comment and a date not yet saved stay, and so does she.
        browser.resize(360, 800);
        browser.script("window.roundtableStayed = true;");
        browser.type(By.id("comment-" + goal), "Drafft heb ei anfon");
        clickInView(By.id("change-" + action + "-DUE_ON"));
        browser.type(By.id("f-" + action + "-DUE_ON-day"), "5");
        clickInView(By.id("language-switch"));
        browser.waitForText(By.tagName("h1"), "Live conference");
        assertEquals("en", lang());
        assertEquals("Lower my hand", browser.text(By.id("hand")), "her hand is still up");
        assertEquals("Connected", browser.text(By.id("connection-state")));
        assertEquals(Boolean.TRUE, browser.script("return window.roundtableStayed === true;"), "the page was not reloaded");
        assertEquals("Drafft heb ei anfon", browser.value(By.id("comment-" + goal)), "the unsent comment is kept");
        assertEquals("5", browser.value(By.id("f-" + action + "-DUE_ON-day")), "the unsaved date is kept");
        assertEquals("Day", browser.text(By.cssSelector("label[for='f-" + action + "-DUE_ON-day']")));
        assertEquals("language-switch", browser.script("return document.activeElement.id;"), "focus stays on the switch");
        assertEquals("Cymraeg", browser.text(By.id("language-switch")));
        assertTrue(browser.text(By.id("live-side")).contains("Who is here"));
        assertEquals("en", Database.text("select language from family_member where email = ?", email), "the choice is hers, on the server");

        // The room itself still has her, hand up: the chair joining now is told so.
        try (LiveClient chair = LiveClient.connect(fx.chair, conference)) {
            JsonObject welcome = chair.hello();
            JsonObject roomNow = welcome.getJsonObject("room");
            assertTrue(roomNow.getJsonArray("participants").stream().map(p -> p.asJsonObject().getString("name")).anyMatch(name::equals),
                    "she is still in the room: " + roomNow);
            assertEquals(1, roomNow.getJsonArray("hands").size(), "her hand is still up: " + roomNow);
        }
        browser.assertAccessible();
    }

    /** Clicks an element scrolled to the middle of the screen: on a phone the sticky meeting bar covers the top. */
    private void clickInView(By by) {
        var element = browser.waitFor(by);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        browser.click(by);
    }

    private String lang() {
        return (String) browser.script("return document.documentElement.lang");
    }

    /** The titles of the family's goals, as the server holds them. */
    private static List<String> goalTitles() {
        return meeting.plan().getJsonArray("goals").stream()
                .map(g -> g.asJsonObject().getString("title", "")).toList();
    }

    /** What the first five Tab presses reach, from the skip link: ids, or a media button's name. */
    private List<String> firstTabStops() {
        browser.script("document.querySelector('.govuk-skip-link').focus();");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            }
            stops.add(String.valueOf(browser.script("var e = document.activeElement; return e.getAttribute('data-media') || e.id || e.textContent.trim();")));
        }
        return stops;
    }

    /** Her code comes in Welsh: she reads Welsh. */
    private void signInInWelsh(String email) {
        browser.open("/code");
        browser.type(By.id("email"), email);
        browser.click(By.cssSelector("#email-form button[type=submit]"));
        browser.waitFor(By.id("code"));
        browser.type(By.id("code"), Mailbox.latestWelshCode(email));
        browser.click(By.cssSelector("#code-form button[type=submit]"));
        browser.waitForPath("/conferences");
        browser.waitForText(By.tagName("h1"), "Fy nghyfarfodydd");
    }

    /** A newcomer the chair adds to the family, whose address is confirmed and who chose Welsh. */
    private static String welshMember(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@example.org";
        Reply added = fx.chair.post("/families/" + meeting.family + "/members", json("fullName", name, "email", email));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(email);
        Reply chosen = People.withCode(email).put("/auth/me/language", json("language", "cy"));
        assertEquals(200, chosen.status(), chosen::toString);
        return email;
    }
}
