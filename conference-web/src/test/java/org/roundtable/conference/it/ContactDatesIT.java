package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.time.LocalDate;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * A contact is "before it happens" by the service's own clock and time zone (roundtable.zone,
 * the UK), never by the machine's: else a worker recording a visit just after midnight in
 * summer (UTC still on yesterday) is told their contact has not happened yet.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class ContactDatesIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestClock.deployment();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
    }

    @Test
    void a_worker_records_a_contact_on_the_services_today_and_not_a_day_later_whatever_the_machines_clock_says() {
        String contacts = "/families/" + fx.taylors + "/contacts";
        TestClock.moveToDaysAhead(2);
        try {
            LocalDate today = LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(2);
            ApiClient worker = People.staff("social.worker");
            Reply recorded = worker.post(contacts, json("happenedOn", today.toString(), "kind", "VISIT", "summary", "Visited just after midnight."));
            assertEquals(201, recorded.status(), recorded::toString);

            long stored = Database.count("select count(*) from contact where family_id = ?", UUID.fromString(fx.taylors));
            Reply tomorrow = worker.post(contacts, json("happenedOn", today.plusDays(1).toString(), "kind", "VISIT", "summary", "Not yet."));
            assertEquals(400, tomorrow.status(), tomorrow::toString);
            assertEquals("happenedOn", tomorrow.json().getJsonArray("errors").getJsonObject(0).getString("field"));
            assertTrue(tomorrow.detail().contains("cannot be recorded before it happens"), tomorrow::toString);
            Reply moved = worker.put(contacts + "/" + recorded.json().getString("id"), json("happenedOn", today.plusDays(1).toString(),
                    "kind", "VISIT", "summary", "Not yet."));
            assertEquals(400, moved.status(), moved::toString);
            assertEquals(stored, Database.count("select count(*) from contact where family_id = ?", UUID.fromString(fx.taylors)));
            assertEquals(today.toString(), Database.text("select cast(happened_on as varchar) from contact where id = ?",
                    UUID.fromString(recorded.json().getString("id"))), "the contact kept its date");
        } finally {
            TestClock.reset();
        }
    }
}
