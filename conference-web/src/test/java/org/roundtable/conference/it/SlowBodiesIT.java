package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A few slow connections must not stop the server for everyone: bodies that trickle in a byte
 * at a time are read without holding a worker, and dropped when they stall.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SlowBodiesIT {

    private static final int SLOW_BODIES = 100;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void a_hundred_slowly_sent_bodies_do_not_stop_anyone_else_being_answered_within_a_second() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_BODIES; i++) {
                var socket = new Socket("localhost", ApiClient.BASE.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/auth/sign-in HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            // One more byte on every connection each second: slow, but never silent.
            trickle.scheduleAtFixedRate(() -> sockets.forEach(s -> {
                try {
                    s.getOutputStream().write(' ');
                    s.getOutputStream().flush();
                } catch (IOException closedByTheServer) {
                    // The server may drop a connection that sends this slowly: that is allowed.
                }
            }), 1, 1, TimeUnit.SECONDS);

            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            List<String> slow = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (System.nanoTime() < end) {
                for (var request : List.of(
                        HttpRequest.newBuilder(ApiClient.BASE.resolve("/api/auth/me")).GET().timeout(Duration.ofSeconds(1)).build(),
                        HttpRequest.newBuilder(ApiClient.BASE.resolve("/api/auth/sign-in")).timeout(Duration.ofSeconds(1))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json("username", "", "password", "").toString())).build())) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        if (millis > 1000 || response.statusCode() >= 500) {
                            slow.add(request.method() + " " + request.uri().getPath() + ": " + response.statusCode() + " in " + millis + " ms");
                        }
                    } catch (java.net.http.HttpTimeoutException e) {
                        slow.add(request.method() + " " + request.uri().getPath() + ": no answer within a second");
                    }
                }
                Thread.sleep(200);
            }
            assertTrue(slow.isEmpty(), "while " + SLOW_BODIES + " bodies trickled in: " + slow);
        } finally {
            trickle.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
