package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * Connections that fall silent hold nothing for long (issue 11, finding 2): a request body that
 * stalls is closed after the listener's read timeout, a live connection that sends nothing after
 * the live read timeout, while a live page that pings, as the browser does, stays connected. On
 * a server of its own with short timeouts (2 s for HTTP, 6 s for the live room; pings every 3 s) instead of the
 * production 30 s and 150 s, so the test need not wait minutes.
 */
class QuietConnectionsIT {

    private static final long HTTP_TIMEOUT_MS = 2000;
    private static final int LIVE_TIMEOUT_S = 6;
    /** Longer than the HTTP timeout: a live connection kept by these pings is kept by its own, longer timeout. */
    private static final int PING_EVERY_S = 3;

    @Test
    void a_stalled_body_and_a_silent_live_connection_are_closed_while_a_pinging_live_page_stays() throws Exception {
        assertTrue(StandaloneServer.available(), "the provisioned server is needed: build wildfly-config first");
        try (var server = new StandaloneServer(300).with("roundtable.http.read-timeout", Long.toString(HTTP_TIMEOUT_MS))
                .with("roundtable.live.read-timeout", Long.toString(LIVE_TIMEOUT_S * 1000L))) {
            server.start();
            var chair = People.staff(new ApiClient(server.address()), "chair", People.DEMO_PASSWORD);
            Reply scheduled = chair.post("/conferences", json("familyId", SignInIT.taylorFamilyId(chair), "kind", "CORE_GROUP",
                    "scheduledStart", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString()));
            assertEquals(201, scheduled.status(), scheduled::toString);
            String conference = scheduled.json().getString("id");
            var pinging = LiveClient.connect(chair, conference);
            pinging.hello();
            var silent = LiveClient.connect(chair, conference);
            silent.hello();
            var pings = Executors.newSingleThreadScheduledExecutor();
            pings.scheduleAtFixedRate(() -> pinging.send(Json.createObjectBuilder().add("type", "ping").build()),
                    PING_EVERY_S, PING_EVERY_S, TimeUnit.SECONDS);
            try (var stalled = new Socket("localhost", server.address().getPort())) {
                stalled.setSoTimeout((int) (HTTP_TIMEOUT_MS * 5));
                stalled.getOutputStream().write(("POST /api/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"username\": \"chair\"").getBytes(StandardCharsets.US_ASCII));
                stalled.getOutputStream().flush();
                long sent = System.nanoTime();
                boolean closed;
                try {
                    // Whatever the server says before it closes (if anything), the connection must end.
                    var in = stalled.getInputStream();
                    while (in.read() != -1) {
                        // draining
                    }
                    closed = true;
                } catch (SocketTimeoutException stillOpen) {
                    closed = false;
                } catch (IOException reset) {
                    closed = true;
                }
                long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertTrue(closed, "the stalled body still holds its connection after " + after + " ms");
                assertTrue(after >= HTTP_TIMEOUT_MS - 100 && after <= HTTP_TIMEOUT_MS + 1000,
                        "closed " + after + " ms after the body stalled: within a second of the " + HTTP_TIMEOUT_MS + " ms timeout");
            }
            assertTrue(silent.closedWithin(LIVE_TIMEOUT_S + 1).isPresent(), "a live connection silent for " + LIVE_TIMEOUT_S + " s is let go");
            Thread.sleep(TimeUnit.SECONDS.toMillis(LIVE_TIMEOUT_S + PING_EVERY_S));
            pings.shutdownNow();
            assertTrue(pinging.isOpen(), "a live page that pings stays connected past the timeout, however quiet the room");
            pinging.send(Json.createObjectBuilder().add("type", "ping").build());
            pinging.next("pong");
            pinging.close();
        }
    }
}
