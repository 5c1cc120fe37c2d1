package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.roundtable.conference.application.ClockProducer;

/**
 * Moves the server's clock for tests of what happens on a date. Sessions, codes and links are
 * timed by the same clock, so after a move people sign in again.
 */
final class TestClock {

    private TestClock() {
    }

    /** The shipped WAR plus the servlet that moves its clock. */
    static WebArchive deployment() {
        return Deployments.roundtable().addClass(ClockServlet.class);
    }

    /** Moves the clock to ten past midnight, local time, this many days from today. */
    static void moveToDaysAhead(int days) {
        var target = ZonedDateTime.of(LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(days), java.time.LocalTime.of(0, 10),
                ClockProducer.LOCAL_ZONE);
        move(Duration.between(ZonedDateTime.now(ClockProducer.LOCAL_ZONE), target));
    }

    static void reset() {
        move(Duration.ZERO);
        // Mail queued while the clock was ahead is due "tomorrow": due now, so later tests' waits
        // for the outbox are not held up by it until then.
        Database.update("update outbox_mail set next_attempt_at = now() where next_attempt_at > now() + interval '5 seconds'");
    }

    private static void move(Duration offset) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ApiClient.BASE + "/test-clock?offset=" + offset)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, response.statusCode(), "the clock did not move: " + response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
