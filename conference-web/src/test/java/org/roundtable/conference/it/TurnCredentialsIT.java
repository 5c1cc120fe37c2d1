package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Voice and video through a real coturn: the server gives each person a TURN credential of
 * their own that coturn accepts, that stops working when it expires, and no lasting TURN
 * password ever reaches a browser.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class TurnCredentialsIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    @AfterEach
    void backToNoTurn() {
        MediaSettings.clear();
    }

    @Test
    void a_turn_credential_the_server_issues_is_accepted_by_coturn_and_refused_once_it_has_expired() throws Exception {
        String secret = "secret-" + UUID.randomUUID();
        try (TurnServer turn = TurnServer.start(secret)) {
            MediaSettings.turn(turn, 3600);
            ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
            JsonObject config = jess.get("/live/conferences/" + fx.conference + "/ice-servers").json();
            assertFalse(config.toString().contains(secret), "the shared secret never leaves the server");
            JsonObject server = config.getJsonArray("iceServers").getJsonObject(0);
            assertEquals(turn.url(), server.getJsonArray("urls").getString(0));
            String username = server.getString("username");
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            long now = Instant.now().getEpochSecond();
            assertTrue(expiry > now + 3500 && expiry <= now + 3600, "an hour from now: " + username);
            assertEquals(jess.get("/auth/me").json().getString("id"), username.substring(username.indexOf(':') + 1), "issued to her");

            var granted = TurnClient.allocate("127.0.0.1", turn.port, username, server.getString("credential"));
            assertTrue(granted.allocated(), "coturn gave a relay for the server's credential: " + granted + "\n" + turn.log());

            // A credential that lives one second, tried after it ended.
            MediaSettings.turn(turn, 1);
            JsonObject shortLived = jess.get("/live/conferences/" + fx.conference + "/ice-servers").json().getJsonArray("iceServers").getJsonObject(0);
            Thread.sleep(2500);
            var refused = TurnClient.allocate("127.0.0.1", turn.port, shortLived.getString("username"), shortLived.getString("credential"));
            assertFalse(refused.allocated(), "an expired credential is refused");
            assertEquals(401, refused.errorCode());
        }
    }

    @Test
    void the_room_tells_each_person_on_joining_how_to_reach_the_others_with_a_credential_of_their_own() {
        String secret = "secret-" + UUID.randomUUID();
        try (TurnServer turn = TurnServer.start(secret)) {
            MediaSettings.turn(turn, 3600);
            try (LiveClient chair = LiveClient.connect(fx.chair, fx.conference);
                    LiveClient jess = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
                chair.hello();
                jess.hello();
                JsonObject chairs = chair.next("rtc.config");
                JsonObject hers = jess.next("rtc.config");
                String chairUser = chairs.getJsonArray("iceServers").getJsonObject(0).getString("username");
                String herUser = hers.getJsonArray("iceServers").getJsonObject(0).getString("username");
                assertFalse(chairUser.substring(chairUser.indexOf(':')).equals(herUser.substring(herUser.indexOf(':'))), "each has their own");
                assertEquals(6, hers.getInt("maxVideoSenders"));
                assertEquals("all", hers.getString("iceTransportPolicy"));
                assertFalse(hers.toString().contains(secret));
            }
        }
    }

    @Test
    void without_a_shared_secret_no_turn_server_is_given_out_at_all() {
        ServerSettings.set("roundtable.media.ice-servers", "stun:127.0.0.1:3478,turn:127.0.0.1:3478");
        JsonObject config = People.signedIn(Role.FAMILY_MEMBER).get("/live/conferences/" + fx.conference + "/ice-servers").json();
        assertEquals(1, config.getJsonArray("iceServers").size(), config::toString);
        JsonObject stun = config.getJsonArray("iceServers").getJsonObject(0);
        assertEquals("stun:127.0.0.1:3478", stun.getJsonArray("urls").getString(0));
        assertFalse(stun.containsKey("credential"), "STUN needs no password, and TURN is not offered without per-person credentials");
    }

    /** The server's media settings, as an operator sets them (configure-media.cli reads them from the environment). */
    static final class MediaSettings {

        static void turn(TurnServer turn, int ttlSeconds) {
            ServerSettings.set("roundtable.media.ice-servers", turn.url());
            ServerSettings.set("roundtable.media.turn-secret", turn.secret);
            ServerSettings.set("roundtable.media.turn-ttl-seconds", Integer.toString(ttlSeconds));
        }

        static void clear() {
            for (String name : new String[] {"ice-servers", "turn-secret", "turn-ttl-seconds", "ice-transport-policy"}) {
                ServerSettings.remove("roundtable.media." + name);
            }
        }
    }
}
