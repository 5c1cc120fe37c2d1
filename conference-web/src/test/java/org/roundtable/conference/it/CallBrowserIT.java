package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A call in the live room with three real browsers (fake camera and microphone): the chair and a
 * worker at desktops, the family member on a 360 px phone. Each receives the others' sound and
 * pictures (bytes received rising in getStats()); mute stops the sound leaving; a private part
 * cuts the family off while the others still hear each other; afterwards everyone is connected
 * again. Then the same call with every byte through a real coturn (iceTransportPolicy relay),
 * using the server's short-lived TURN credentials (TurnCredentialsIT shows coturn refuses an
 * expired one). A failed call leaves each browser's account of each pair in target/call-failure-*.txt
 * and coturn's log in target/coturn-PORT/.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class CallBrowserIT {

    /** Media takes a while to start on a busy 2-core machine; once flowing, it is checked over seconds. */
    private static final Duration START = Duration.ofSeconds(90);
    private static DemoFixture fx;
    private static String chairId;
    private static String workerId;

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
        workerId = meeting.workerInvitee;
    }

    @AfterEach
    void noTurn() {
        TurnCredentialsIT.MediaSettings.clear();
    }

    @Test
    void the_chair_a_worker_and_the_family_on_a_phone_hear_and_see_each_other_and_a_private_part_cuts_only_the_family() {
        call(null);
    }

    @Test
    void the_same_call_works_with_every_byte_relayed_through_turn_using_the_servers_short_lived_credentials() {
        try (TurnServer turn = TurnServer.start("secret-" + UUID.randomUUID())) {
            TurnCredentialsIT.MediaSettings.turn(turn, 3600);
            ServerSettings.set("roundtable.media.ice-transport-policy", "relay");
            call(turn);
        }
    }

    @Test
    void the_room_shows_the_conferences_other_ways_in_so_someone_in_the_building_or_on_a_landline_still_belongs() {
        String conference = meeting.conference;
        String start = fx.chair.get("/conferences/" + conference).json().getString("scheduledStart");
        var arranged = fx.chair.put("/conferences/" + conference + "/arrangements", JsonBodies.json("kind", "CORE_GROUP", "scheduledStart", start,
                "venue", "Riverside Family Centre, Room 2", "joinLink", "https://meet.example.org/taylor", "dialIn", "0800 000 0000, PIN 4321"));
        assertEquals(200, arranged.status(), arranged::toString);
        try (Browser jess = Browser.withCameraAndMicrophone()) {
            jess.signInWithCode(meeting.memberEmail);
            jess.resize(360, 800);
            jess.open("/conferences/" + conference + "/live");
            jess.waitForText(By.id("connection-state"), "Connected");
            jess.click(By.cssSelector("#rt-ways-in summary"));
            String ways = jess.text(By.id("rt-ways-in"));
            assertTrue(ways.contains("Riverside Family Centre, Room 2") && ways.contains("https://meet.example.org/taylor")
                    && ways.contains("0800 000 0000, PIN 4321"), ways);
            jess.waitFor(By.cssSelector("#rt-media-bar [data-media=join-voice]"));
            jess.assertAccessible();

            // Joining by voice only: her tile is her name, saying so, not a black box the size of a video.
            jess.click(By.cssSelector("#rt-media-bar [data-media=join-voice]"));
            jess.waitForText(By.cssSelector("[data-tile='me'] figcaption"), "(you), voice only");
            assertEquals(0L, ((Number) jess.script("return Math.round(document.querySelector(\"[data-tile='me'] video\").getBoundingClientRect().height)")).longValue(),
                    "no black box where no picture is sent");
            jess.assertAccessible();
        }
    }

    /** The call, direct (turn null) or with every byte through this coturn. */
    private void call(TurnServer turn) {
        try (Browser chair = Browser.withCameraAndMicrophone(); Browser worker = Browser.withCameraAndMicrophone();
                Browser jess = Browser.withCameraAndMicrophone()) {
            chair.signInAsStaff("chair");
            worker.signInAsStaff("social.worker");
            jess.signInWithCode(meeting.memberEmail);
            jess.resize(360, 800);
            try {
                callOf(chair, worker, jess, turn != null);
            } catch (AssertionError | RuntimeException e) {
                report(e, turn, Map.of("chair", chair, "worker", worker, "jess", jess));
                throw e;
            }
        }
    }

    /**
     * When the call fails: each browser's view of each pair (states, and what happened to it,
     * from media.js) into target/, beside coturn's log, so the missing step can be seen.
     */
    private void report(Throwable failure, TurnServer turn, Map<String, Browser> browsers) {
        var text = new StringBuilder(failure.toString()).append("\nchair ").append(chairId).append(", worker ").append(workerId)
                .append(", jess ").append(meeting.memberInvitee).append(turn == null ? "" : "\ncoturn's log: " + turn.logFile()).append('\n');
        browsers.forEach((name, b) -> {
            try {
                text.append(name).append(": ").append(stats(b)).append('\n');
            } catch (RuntimeException e) {
                text.append(name).append(": ").append(e).append('\n');
            }
        });
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "call-failure-" + System.currentTimeMillis() + ".txt"), text);
        } catch (java.io.IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void callOf(Browser chair, Browser worker, Browser jess, boolean relayed) {
        for (Browser b : List.of(chair, worker, jess)) {
            b.open("/conferences/" + meeting.conference + "/live");
            b.waitForText(By.id("connection-state"), "Connected");
            b.click(By.cssSelector("#rt-media-bar [data-media=join-video]"));
            b.waitFor(By.cssSelector("#rt-media-bar [data-media=mute]"));
        }
        Map<Browser, List<String>> others = Map.of(chair, List.of(workerId, meeting.memberInvitee), worker, List.of(chairId, meeting.memberInvitee),
                jess, List.of(chairId, workerId));
        others.forEach((b, from) -> awaitReceiving(b, from, relayed));
        jess.assertAccessible();
        chair.waitFor(By.cssSelector("[data-speaking-for='" + workerId + "']"));

        // The worker mutes: no sound leaves their browser, and the others still see them.
        worker.click(By.cssSelector("#rt-media-bar [data-media=mute]"));
        worker.waitForText(By.cssSelector("#rt-media-bar [data-media=mute]"), "Unmute");
        pause(1500);
        JsonObject before = stats(worker);
        pause(3000);
        JsonObject after = stats(worker);
        assertEquals(before.getJsonNumber("outboundAudio").longValue(), after.getJsonNumber("outboundAudio").longValue(),
                "no sound leaves a muted browser");
        assertTrue(after.getJsonNumber("outboundVideo").longValue() > before.getJsonNumber("outboundVideo").longValue(), "the picture still goes");
        worker.click(By.cssSelector("#rt-media-bar [data-media=mute]"));
        awaitRising(chair, "the worker's sound again", s -> peer(s, workerId).getJsonNumber("inboundAudio").longValue());

        // A private part without the family: she is cut off, the others still hear and see each other.
        chair.click(By.xpath("//summary[.//span[text()='Private part']]"));
        chair.waitFor(By.id("private-reason"));
        chair.click(By.cssSelector("label[for='exclude-" + meeting.memberInvitee + "']"));
        chair.type(By.id("private-reason"), "Information about a third party");
        chair.click(By.cssSelector("#private-form button[type=submit]"));
        chair.waitFor(By.id("private-running"));
        try {
            jess.waitFor(By.id("private-notice"));
            awaitNoPeers(jess);
            pause(2000);
            assertEquals(0, stats(jess).getJsonObject("peers").size(), "no call with anyone during the private part");
            assertTrue(!stats(chair).getJsonObject("peers").containsKey(meeting.memberInvitee), "the chair's call with her is closed too");
            awaitRising(chair, "the worker, during the private part", s -> peer(s, workerId).getJsonNumber("inboundVideo").longValue());
            awaitRising(worker, "the chair, during the private part", s -> peer(s, chairId).getJsonNumber("inboundAudio").longValue());
        } finally {
            chair.click(By.id("end-private"));
        }
        jess.waitForGone(By.id("private-notice"));
        others.forEach((b, from) -> awaitReceiving(b, from, relayed));
    }

    /** Sound and pictures from each of these people are arriving, and keep arriving. */
    private static void awaitReceiving(Browser b, List<String> from, boolean relayed) {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonObject first = stats(b);
            pause(1000);
            JsonObject second = stats(b);
            last = second.toString();
            boolean all = from.stream().allMatch(p -> rising(first, second, p, "inboundAudio") && rising(first, second, p, "inboundVideo")
                    && (!relayed || peer(second, p).getBoolean("relay")));
            if (all) {
                return;
            }
        }
        throw new AssertionError("not receiving sound and pictures from " + from + (relayed ? " through TURN" : "") + ": " + last);
    }

    private static boolean rising(JsonObject first, JsonObject second, String participant, String what) {
        return first.getJsonObject("peers").containsKey(participant) && second.getJsonObject("peers").containsKey(participant)
                && peer(second, participant).getJsonNumber(what).longValue() > peer(first, participant).getJsonNumber(what).longValue();
    }

    static void awaitRising(Browser b, String what, java.util.function.ToLongFunction<JsonObject> measure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long first = measure.applyAsLong(stats(b));
                pause(1000);
                if (measure.applyAsLong(stats(b)) > first) {
                    return;
                }
            } catch (NullPointerException notYet) {
                pause(500);
            }
        }
        throw new AssertionError("not rising: " + what + ": " + stats(b));
    }

    private static void awaitNoPeers(Browser b) {
        awaitStats(b, s -> s.getJsonObject("peers").isEmpty(), Duration.ofSeconds(10), "the call was not closed");
    }

    static void awaitStats(Browser b, Predicate<JsonObject> wanted, Duration within, String failure) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = stats(b);
            if (wanted.test(last)) {
                return;
            }
            pause(250);
        }
        throw new AssertionError(failure + ": " + last);
    }

    static JsonObject peer(JsonObject stats, String participant) {
        return stats.getJsonObject("peers").getJsonObject(participant);
    }

    /** What the page's call has sent and received so far, from RTCPeerConnection.getStats(). */
    static JsonObject stats(Browser b) {
        String json = (String) b.asyncScript("const done = arguments[arguments.length - 1];"
                + "window.roundtableCallStats().then((s) => done(JSON.stringify(s)), (e) => done(JSON.stringify({error: String(e)})));");
        return Json.createReader(new StringReader(json)).readObject();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
