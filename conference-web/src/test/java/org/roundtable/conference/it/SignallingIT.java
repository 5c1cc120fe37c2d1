package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Voice and video signalling over the live socket: relayed only between two people in the same
 * room who are both in the call and may talk, stamped with who sent it, and refused (with the
 * error docs/protocol.md gives, nothing relayed) otherwise.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SignallingIT {

    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    private static LiveClient inCall(ApiClient person, String conference) {
        LiveClient client = LiveClient.connect(person, conference);
        client.hello();
        client.send(Json.createObjectBuilder().add("type", "media").add("joined", true).add("audio", true).add("video", true)
                .add("voiceOnly", false).build());
        return client;
    }

    private static String id(LiveClient client) {
        return client.welcome.getString("connectionId");
    }

    private static JsonObject offer(String to, String sdp) {
        return Json.createObjectBuilder().add("type", "rtc.offer").add("to", to).add("sdp", sdp).add("from", "someone-else").build();
    }

    private static JsonObject candidate(String to, int n) {
        return Json.createObjectBuilder().add("type", "rtc.candidate").add("to", to).add("candidate", Json.createObjectBuilder()
                .add("candidate", "candidate:" + n + " 1 udp 2122260223 127.0.0.1 " + (50000 + n) + " typ host").add("sdpMid", "0")
                .add("sdpMLineIndex", 0)).build();
    }

    /** The sender's next error, after which a ping proves nothing else is on its way. */
    private static String refusal(LiveClient sender) {
        String code = sender.next("error").getString("code");
        sender.send(Json.createObjectBuilder().add("type", "ping").build());
        sender.next("pong");
        return code;
    }

    private static Predicate<JsonObject> signalling() {
        return m -> m.getString("type").startsWith("rtc.") && !m.getString("type").equals("rtc.config");
    }

    private static void assertNothingRelayed(LiveClient to) {
        // A round trip of the receiver's own after the refusal: anything relayed would have come before its pong.
        to.send(Json.createObjectBuilder().add("type", "ping").build());
        to.next("pong");
        assertTrue(to.received.stream().noneMatch(signalling()), "relayed: " + to.received);
    }

    @Test
    void an_offer_reaches_the_person_it_is_for_stamped_by_the_server_with_who_sent_it() {
        try (LiveClient chair = inCall(fx.chair, fx.conference);
                LiveClient worker = inCall(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            // Joining the call tells each of the other: the newcomer learns who is in it already.
            JsonObject toldOfChair = worker.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(chair)), 10);
            assertTrue(toldOfChair.getBoolean("video"));
            chair.send(offer(id(worker), SDP));
            JsonObject relayed = worker.next("rtc.offer");
            assertEquals(id(chair), relayed.getString("from"), "the server says who it is from, whatever the sender claimed");
            assertEquals(SDP, relayed.getString("sdp"));
            worker.send(Json.createObjectBuilder().add("type", "rtc.answer").add("to", id(chair)).add("sdp", SDP).build());
            assertEquals(id(worker), chair.next("rtc.answer").getString("from"));
            worker.send(candidate(id(chair), 1));
            assertEquals("candidate:1 1 udp 2122260223 127.0.0.1 50001 typ host",
                    chair.next("rtc.candidate").getJsonObject("candidate").getString("candidate"));
        }
    }

    @Test
    void a_message_to_a_connection_that_is_not_in_the_room_is_refused_and_goes_nowhere() {
        String elsewhere = fx.freshLiveConference();
        try (LiveClient chair = inCall(fx.chair, fx.conference);
                LiveClient otherRoom = inCall(fx.chair, elsewhere)) {
            chair.send(offer(id(otherRoom), SDP));
            assertEquals("unknown-peer", refusal(chair));
            chair.send(offer("00000000-0000-0000-0000-000000000000", SDP));
            assertEquals("unknown-peer", refusal(chair));
            assertNothingRelayed(otherRoom);
        }
    }

    @Test
    void someone_not_in_the_room_cannot_signal_into_it() {
        try (LiveClient worker = inCall(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
                LiveClient notJoined = LiveClient.connect(fx.chair, fx.conference)) {
            // Connected but never said hello: not in the room.
            notJoined.send(offer(id(worker), SDP));
            assertEquals("hello-first", refusal(notJoined));
            // In the room but not in the call: nobody to talk to yet.
            notJoined.hello();
            notJoined.send(offer(id(worker), SDP));
            assertEquals("conflict", refusal(notJoined));
            assertNothingRelayed(worker);
        }
    }

    @Test
    void during_a_private_part_nothing_passes_between_the_family_and_those_present_and_afterwards_they_reconnect() {
        try (LiveClient chair = inCall(fx.chair, fx.conference);
                LiveClient worker = inCall(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
                LiveClient jess = inCall(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            jess.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(chair)), 10);
            chair.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(jess)), 10);
            chair.send(Json.createObjectBuilder().add("type", "startPrivate").add("excluded", Json.createArrayBuilder().add(fx.jessInvitee))
                    .add("reason", "Information about a third party").build());
            try {
                // Both sides are told to close the call between them.
                JsonObject hers = jess.nextMatching(m -> m.getString("type").equals("rtc.hangup") && m.getString("from").equals(id(chair)), 10);
                assertEquals("private-part", hers.getString("reason"));
                jess.nextMatching(m -> m.getString("type").equals("rtc.hangup") && m.getString("from").equals(id(worker)), 10);
                assertEquals(id(jess), chair.nextMatching(m -> m.getString("type").equals("rtc.hangup"), 10).getString("from"));
                assertEquals(id(jess), worker.nextMatching(m -> m.getString("type").equals("rtc.hangup"), 10).getString("from"));
                int chairHad = chair.received.size();
                int jessHad = jess.received.size();

                chair.send(offer(id(jess), SDP));
                assertEquals("forbidden", refusal(chair));
                jess.send(offer(id(chair), SDP));
                assertEquals("forbidden", refusal(jess));
                jess.send(candidate(id(worker), 1));
                assertEquals("forbidden", refusal(jess));
                // Those present still talk to each other.
                chair.send(offer(id(worker), SDP));
                assertEquals(id(chair), worker.next("rtc.offer").getString("from"));

                jess.send(Json.createObjectBuilder().add("type", "ping").build());
                jess.next("pong");
                assertTrue(jess.received.subList(jessHad, jess.received.size()).stream().noneMatch(signalling().or(m -> m.getString("type").equals("media"))),
                        "nothing of the call reached her: " + jess.received.subList(jessHad, jess.received.size()));
                chair.send(Json.createObjectBuilder().add("type", "ping").build());
                chair.next("pong");
                assertTrue(chair.received.subList(chairHad, chair.received.size()).stream().noneMatch(m -> m.getString("type").equals("rtc.offer")));
            } finally {
                chair.send(Json.createObjectBuilder().add("type", "endPrivate").build());
            }
            // When it ends each side hears of the other again, and the call can be made.
            jess.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(chair)), 10);
            chair.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(jess)), 10);
            jess.send(offer(id(chair), SDP));
            assertEquals(id(jess), chair.next("rtc.offer").getString("from"));
        }
    }

    @Test
    void a_flood_of_ice_candidates_is_refused_past_fifty_in_ten_seconds() {
        try (LiveClient chair = inCall(fx.chair, fx.conference);
                LiveClient worker = inCall(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            worker.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(chair)), 10);
            // Within the connection's own message rate (30 a second), so only the candidate allowance refuses them.
            for (int i = 1; i <= 55; i++) {
                chair.send(candidate(id(worker), i));
                if (i % 25 == 0) {
                    pause(1000);
                }
            }
            for (int i = 0; i < 5; i++) {
                assertEquals("rate-limited", chair.next("error").getString("code"));
            }
            chair.send(Json.createObjectBuilder().add("type", "ping").build());
            chair.next("pong");
            worker.send(Json.createObjectBuilder().add("type", "ping").build());
            worker.next("pong");
            assertEquals(50, worker.receivedOfType("rtc.candidate").size(), "fifty relayed, the rest dropped");
            assertEquals(List.of(), chair.receivedOfType("error").stream().filter(e -> !e.getString("code").equals("rate-limited")).toList());
        }
    }

    @Test
    void an_oversized_session_description_is_refused_and_not_relayed() {
        try (LiveClient chair = inCall(fx.chair, fx.conference);
                LiveClient worker = inCall(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            worker.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(id(chair)), 10);
            chair.send(offer(id(worker), "v=0\r\na=" + "x".repeat(25_000)));
            assertEquals("too-large", refusal(chair));
            assertNothingRelayed(worker);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
