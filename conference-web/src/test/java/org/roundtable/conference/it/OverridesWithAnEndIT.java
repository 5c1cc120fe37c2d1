package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * Overrides with an end: each has a review date after today; on that date it lapses by itself,
 * the worker is told, and only a renewal with a new reason brings access back. The family is
 * emailed when an override is made or renewed.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class OverridesWithAnEndIT {

    private static final String JESS = "jess.taylor@example.org";

    private static DemoFixture fx;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestClock.deployment();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
        family = "/families/" + fx.taylors;
    }

    private static JsonObject entry(ApiClient who, String reason) {
        return who.get(family + "/sharing").json().getJsonArray("ledger").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("reason").equals(reason)).findFirst().orElseThrow();
    }

    /** Overrides other tests made for health visiting's view of the Taylors' contacts would share them for weeks. */
    @BeforeEach
    void noOverridesInForce() {
        fx.endOverrides(fx.health, "CONTACTS");
    }

    @Test
    void an_override_needs_a_review_date_after_today_and_nothing_is_stored_without_one() {
        ApiClient health = People.staff("health.visitor");
        long before = Database.count("select count(*) from sharing_decision");
        String overrides = family + "/sharing/overrides";
        Reply none = health.post(overrides, json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK", "reason", "Weight loss"));
        assertEquals(400, none.status());
        assertEquals("reviewOn", none.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        for (LocalDate day : new LocalDate[] {LocalDate.now(ClockProducer.LOCAL_ZONE).minusDays(1), LocalDate.now(ClockProducer.LOCAL_ZONE)}) {
            Reply refused = health.post(overrides, json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK", "reason", "Weight loss",
                    "reviewOn", day.toString()));
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.detail().contains("after today"), refused::toString);
        }
        assertEquals(before, Database.count("select count(*) from sharing_decision"), "nothing stored");
    }

    @Test
    void an_override_lapses_on_its_review_date_unless_a_worker_renews_it_with_a_new_reason_and_the_family_is_told_each_time() {
        ApiClient jess = fx.familyMember();
        String contacts = family + "/contacts";
        assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                "preference", "DO_NOT_SHARE")).status());
        String workerEmail = fx.admin.get("/staff/" + fx.healthVisitor).json().getString("email");
        try {
            ApiClient health = People.staff("health.visitor");
            int familyEmails = Mailbox.count(JESS, "a worker looked at");
            String reason = fx.unique("Mia has lost weight");
            LocalDate tomorrow = LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(1);
            assertEquals(201, health.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK",
                    "reason", reason, "reviewOn", tomorrow.toString())).status());
            Mailbox.awaitCount(JESS, "a worker looked at", familyEmails + 1);
            assertTrue(Mailbox.body(Mailbox.latest(JESS, "a worker looked at")).contains(reason), "the family reads the reason");
            assertEquals(200, health.get(contacts).status(), "in force until its review date");
            assertTrue(entry(jess, reason).getBoolean("inForce"));

            TestClock.moveToDaysAhead(1);
            health = People.staff("health.visitor");
            Reply lapsed = health.get(contacts);
            assertEquals(403, lapsed.status(), "on its review date it lapses: " + lapsed);
            assertTrue(lapsed.detail().contains("Not shared with your agency"), lapsed::toString);
            jess = People.signedIn(Role.FAMILY_MEMBER);
            assertFalse(entry(jess, reason).getBoolean("inForce"), "the family's ledger says it ended");

            int workerTold = Mailbox.count(workerEmail, "override has ended");
            Database.update("delete from daily_job_run where job = 'override-reviews'");
            ApiClient admin = People.signedIn(Role.ADMINISTRATOR);
            assertEquals(200, admin.post("/admin/reminders/run", null).status());
            Mailbox.awaitCount(workerEmail, "override has ended", workerTold + 1);
            assertEquals(200, admin.post("/admin/reminders/run", null).status());
            assertEquals(workerTold + 1, Mailbox.count(workerEmail, "override has ended"), "told once, however many nodes run the day");

            String id = entry(health, reason).getString("id");
            String renewal = family + "/sharing/decisions/" + id + "/renewal";
            LocalDate later = tomorrow.plusDays(14);
            assertEquals(400, health.post(renewal, json("lawfulBasis", "CHILD_AT_RISK", "reviewOn", later.toString())).status(),
                    "a renewal needs a new reason");
            assertEquals(400, health.post(renewal, json("lawfulBasis", "CHILD_AT_RISK", "reason", "Still worried",
                    "reviewOn", tomorrow.toString())).status(), "and a review date after today");
            assertEquals(403, fx.signInAgainAndGetChair().post(renewal, json("lawfulBasis", "CHILD_AT_RISK", "reason", "Ours now",
                    "reviewOn", later.toString())).status(), "only the agency that made it renews it");
            String newReason = fx.unique("Mia's weight is still low");
            Reply renewed = health.post(renewal, json("lawfulBasis", "CHILD_AT_RISK", "reason", newReason, "reviewOn", later.toString()));
            assertEquals(201, renewed.status(), renewed::toString);
            assertEquals(200, health.get(contacts).status(), "renewed, in force again");
            Mailbox.awaitCount(JESS, "a worker looked at", familyEmails + 2);
            assertTrue(Mailbox.body(Mailbox.latest(JESS, "a worker looked at")).contains(newReason));
            assertTrue(entry(jess, reason).getBoolean("renewed"));
            assertEquals(later.toString(), entry(jess, newReason).getString("reviewOn"));
            Reply twice = health.post(renewal, json("lawfulBasis", "CHILD_AT_RISK", "reason", "Again", "reviewOn", later.toString()));
            assertEquals(409, twice.status(), "an entry is renewed once: " + twice);
        } finally {
            Mailbox.awaitDelivery();
            TestClock.reset();
            fx.endOverrides(fx.health, "CONTACTS");
            fx.familyMember().put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "SHARE"));
        }
    }
}
