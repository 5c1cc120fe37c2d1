package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.CallBrowserIT.awaitRising;
import static org.roundtable.conference.it.CallBrowserIT.awaitStats;
import static org.roundtable.conference.it.CallBrowserIT.pause;
import static org.roundtable.conference.it.CallBrowserIT.peer;
import static org.roundtable.conference.it.CallBrowserIT.stats;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A call on a connection that really is too poor for video. Every byte goes through a real coturn
 * (iceTransportPolicy relay) that carries at most {@value #CAP} bytes a second each way for each
 * relayed session (its --max-bps; what goes over is dropped): 64 kbit/s, room for a voice but
 * not for the fake camera's picture. The chair joins with video, Jess by voice only on a phone:
 * her sound fits under the cap, the chair's picture does not, so it is the chair's browser that
 * finds its connection poor. What this proves: the watch of link-quality.js is wired into the
 * real call (a real sender's statistics trip it), the video really stops leaving, the person is
 * told in words and the others keep hearing them, and they can turn the camera on again. What it
 * does not prove: the thresholds themselves (BrowserLinkQualityTest), or a poor connection of
 * another kind (a lossy mobile network rather than a hard cap on the relay).
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class PoorConnectionBrowserIT {

    /** Bytes a second each way per relayed session: a voice (about 6 KB/s with its headers) fits, video does not. */
    private static final int CAP = 8000;
    /** Media takes a while to start through TURN on a busy 2-core machine. */
    private static final Duration START = Duration.ofSeconds(90);
    /**
     * From the call carrying media to the video going: three poor looks 5 s apart (up to 20 s),
     * after the sender's bandwidth estimate has had a few seconds to fall to what the cap carries.
     */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(30);
    private static DemoFixture fx;
    private static String chairId;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    /** A family and meeting of this class's own: the demo Taylors' room grows with every other test. */
    private static SmallMeeting meeting;

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
        meeting = SmallMeeting.create(fx);
        chairId = meeting.chairInvitee;
    }

    @AfterEach
    void noTurn() {
        TurnCredentialsIT.MediaSettings.clear();
    }

    @Test
    void on_a_connection_too_poor_for_video_the_browser_turns_its_own_video_off_says_so_and_is_still_heard() {
        try (TurnServer turn = TurnServer.limitedTo("secret-" + UUID.randomUUID(), CAP)) {
            TurnCredentialsIT.MediaSettings.turn(turn, 3600);
            ServerSettings.set("roundtable.media.ice-transport-policy", "relay");
            try (Browser chair = Browser.withCameraAndMicrophone(); Browser jess = Browser.withCameraAndMicrophone()) {
                chair.signInAsStaff("chair");
                jess.signInWithCode(meeting.memberEmail);
                jess.resize(360, 800);
                List<String> timeline = new ArrayList<>();
                try {
                    poorCall(chair, jess, timeline);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\ncoturn's log: " + turn.logFile() + "\nthe chair's link, second by second:\n"
                            + String.join("\n", timeline), e);
                }
            }
        }
    }

    private void poorCall(Browser chair, Browser jess, List<String> timeline) {
        for (Browser b : List.of(chair, jess)) {
            b.open("/conferences/" + meeting.conference + "/live");
            b.waitForText(By.id("connection-state"), "Connected");
        }
        jess.click(By.cssSelector("#rt-media-bar [data-media=join-voice]"));
        jess.waitFor(By.cssSelector("#rt-media-bar [data-media=mute]"));
        chair.click(By.cssSelector("#rt-media-bar [data-media=join-video]"));
        chair.waitFor(By.cssSelector("#rt-media-bar [data-media=mute]"));
        WebElement chairsStatus = chair.waitFor(By.id("rt-media-status"));
        assertEquals("polite", chairsStatus.getAttribute("aria-live"));

        // Joined by voice only: her own tile is her name and initials, not a black picture.
        WebElement ownTile = jess.waitFor(By.cssSelector("[data-tile=me]"));
        assertNoPicture(ownTile, "Jess Taylor (you), voice only", "JT");

        // The call carries sound both ways, every byte through the capped coturn.
        awaitStats(chair, s -> s.getJsonObject("peers").containsKey(meeting.memberInvitee) && peer(s, meeting.memberInvitee).getBoolean("relay"),
                START, "the chair's call with Jess is not relayed through TURN");
        awaitRising(jess, "the chair's sound at Jess", s -> peer(s, chairId).getJsonNumber("inboundAudio").longValue());
        long connected = System.nanoTime();

        // The chair sees Jess as a person, not a black box, as she sees herself.
        By jessAtTheChair = By.xpath("//figure[@data-tile and contains(., 'Jess Taylor')]");
        assertNoPicture(chair.waitFor(jessAtTheChair), "Jess Taylor, voice only", "JT");

        // The chair's browser finds its connection poor and turns its own video off.
        By camera = By.cssSelector("#rt-media-bar [data-media=camera]");
        long deadline = connected + NOTICED_WITHIN.toNanos();
        while (!textOf(chair, camera).equals("Turn camera on")) {
            JsonObject s = stats(chair);
            JsonObject pair = s.getJsonObject("peers").getJsonObject(meeting.memberInvitee);
            timeline.add(String.format("%5.1f s: room to send %s bit/s, loss %s, video sent %d bytes", (System.nanoTime() - connected) / 1e9,
                    pair == null ? "-" : pair.get("outgoingBps"), pair == null ? "-" : pair.get("loss"), s.getJsonNumber("outboundVideo").longValue()));
            assertTrue(System.nanoTime() < deadline, "the chair's video was not turned off within " + NOTICED_WITHIN.toSeconds()
                    + " s of the call carrying sound");
            pause(1000);
        }
        timeline.add(String.format("%5.1f s: video turned off", (System.nanoTime() - connected) / 1e9));
        System.out.println("Poor connection noticed:\n" + String.join("\n", timeline));
        // Said in words, in the live region that was already on the page (a redrawn one would not be announced).
        assertTrue(chairsStatus.getText().startsWith("Your connection is weak, so your video is off. Everyone can still hear you."),
                chairsStatus.getText());

        // No picture leaves the chair's browser any more; Jess still hears her, and sees her name where the picture was.
        pause(1500);
        long before = stats(chair).getJsonNumber("outboundVideo").longValue();
        pause(3000);
        assertEquals(before, stats(chair).getJsonNumber("outboundVideo").longValue(), "no video leaves the browser once it is off");
        awaitRising(jess, "the chair's sound at Jess after her video went", s -> peer(s, chairId).getJsonNumber("inboundAudio").longValue());
        By chairAtJess = By.xpath("//figure[@data-tile and contains(., 'Priya Shah')]");
        awaitAttribute(jess, chairAtJess, "data-video", "off");
        assertNoPicture(jess.waitFor(chairAtJess), "Priya Shah, camera off", "PS");
        jess.assertAccessible();

        // The chair chooses to turn the camera on again: the picture flows again, and Jess sees it.
        chair.click(camera);
        chair.waitForText(camera, "Turn camera off");
        awaitRising(chair, "the chair's video leaving again", s -> s.getJsonNumber("outboundVideo").longValue());
        awaitRising(jess, "the chair's video reaching Jess again", s -> peer(s, chairId).getJsonNumber("inboundVideo").longValue());
        awaitAttribute(jess, chairAtJess, "data-video", "on");
    }

    /** A tile without a picture: the person's initials and a caption that says why, and no video shown. */
    private static void assertNoPicture(WebElement tile, String caption, String initials) {
        assertEquals("off", tile.getAttribute("data-video"));
        assertFalse(tile.findElement(By.tagName("video")).isDisplayed(), "no black video box");
        assertEquals(initials, tile.findElement(By.className("app-video-tile__initials")).getText());
        assertEquals(caption, tile.findElement(By.tagName("figcaption")).getText());
    }

    /** The text of what is there now; the bar's buttons are drawn anew on each change, so a moment's gap reads as none. */
    private static String textOf(Browser b, By by) {
        try {
            return b.driver().findElement(by).getText();
        } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException redrawn) {
            return "";
        }
    }

    private static void awaitAttribute(Browser b, By by, String attribute, String value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!value.equals(b.waitFor(by).getAttribute(attribute))) {
            assertTrue(System.nanoTime() < deadline, () -> by + " " + attribute + " is not " + value + ": " + b.waitFor(by).getAttribute("outerHTML"));
            pause(250);
        }
    }
}
