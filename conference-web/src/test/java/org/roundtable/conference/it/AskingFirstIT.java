package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * "Ask me first" asks the family: the worker asks (what, why, for how long), the family is
 * emailed and answers yes or no once; a yes shares for the days asked, a no is final; while it
 * waits the worker is told so. Requests that make no sense are refused and nothing is stored.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class AskingFirstIT {

    private static DemoFixture fx;
    private static ApiClient jess;
    private static ApiClient healthVisitor;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        jess = People.signedIn(Role.FAMILY_MEMBER);
        healthVisitor = People.staff("health.visitor");
        family = "/families/" + fx.taylors;
    }

    @AfterEach
    void shareAgain() {
        Database.update("update sharing_request set answer = 'NO', answered_by_name = 'Test', answered_at = now() "
                + "where family_id = ? and answer is null", UUID.fromString(fx.taylors));
        Database.update("delete from sharing_request where family_id = ? and answer = 'YES'", UUID.fromString(fx.taylors));
        jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "SHARE"));
    }

    private static long requests() {
        return Database.count("select count(*) from sharing_request where family_id = ?", UUID.fromString(fx.taylors));
    }

    private static JsonObject request(ApiClient who, String reason) {
        return who.get(family + "/sharing").json().getJsonArray("requests").stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("reason").equals(reason)).findFirst().orElseThrow();
    }

    private static String askForContacts(String reason) {
        Reply asked = healthVisitor.post(family + "/sharing/requests", json("kind", "CONTACTS", "reason", reason, "days", 7));
        assertEquals(201, asked.status(), asked::toString);
        return request(healthVisitor, reason).getString("id");
    }

    /** Overrides other tests made for health visiting's view of the Taylors' contacts would share them for weeks. */
    @BeforeEach
    void noOverridesInForce() {
        fx.endOverrides(fx.health, "CONTACTS");
    }

    @Test
    void a_worker_asks_the_family_first_and_a_yes_shares_for_the_days_asked_only() {
        assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                "preference", "ASK_FIRST")).status());
        Reply refused = healthVisitor.get(family + "/contacts");
        assertEquals(403, refused.status());
        assertTrue(refused.detail().contains("Not shared with your agency") && refused.detail().contains("ask the family"), refused::toString);

        String reason = fx.unique("To plan Mia's visits with the nursery");
        int emails = Mailbox.count("jess.taylor@example.org", "asks to see");
        String id = askForContacts(reason);
        Mailbox.awaitCount("jess.taylor@example.org", "asks to see", emails + 1);
        String email = Mailbox.body(Mailbox.latest("jess.taylor@example.org", "asks to see"));
        assertTrue(email.contains(reason) && email.contains("/families/" + fx.taylors + "/sharing?request=" + id), email);

        Reply waiting = healthVisitor.get(family + "/contacts");
        assertEquals(403, waiting.status());
        assertTrue(waiting.detail().contains("Waiting for the family's answer"), waiting::toString);
        assertEquals("WAITING", request(jess, reason).getString("status"), "the family sees the request on its record");

        Reply yes = jess.post(family + "/sharing/requests/" + id + "/answer", json("share", true));
        assertEquals(200, yes.status(), yes::toString);
        var answered = request(jess, reason);
        assertEquals("YES", answered.getString("status"), "the answer is in the family's ledger");
        assertEquals("Jess Taylor", answered.getString("answeredByName"));
        assertEquals(LocalDate.now().plusDays(7).toString(), answered.getString("sharedUntil"), "for the seven days asked");
        assertEquals(200, healthVisitor.get(family + "/contacts").status(), "a yes shares");

        // The days asked end: from the last day on, it is not shared any more.
        Database.update("update sharing_request set shared_until = ? where id = ?", LocalDate.now(), UUID.fromString(id));
        jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "ASK_FIRST"));
        assertEquals(403, healthVisitor.get(family + "/contacts").status(), "not beyond the period asked");
    }

    @Test
    void a_no_is_final_for_that_request() {
        assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                "preference", "DO_NOT_SHARE")).status());
        String reason = fx.unique("To check who else visited");
        String id = askForContacts(reason);
        int told = Mailbox.count(staffEmail(), "answered your request");
        assertEquals(200, jess.post(family + "/sharing/requests/" + id + "/answer", json("share", false)).status());
        assertEquals("NO", request(healthVisitor, reason).getString("status"), "the worker sees the answer");
        Mailbox.awaitCount(staffEmail(), "answered your request", told + 1);
        assertEquals(403, healthVisitor.get(family + "/contacts").status());

        Reply again = jess.post(family + "/sharing/requests/" + id + "/answer", json("share", true));
        assertEquals(409, again.status(), "answered once");
        assertTrue(again.detail().contains("already been answered"), again::toString);
        assertEquals("NO", request(jess, reason).getString("status"), "nothing changed");
        assertEquals(403, healthVisitor.get(family + "/contacts").status());
    }

    @Test
    void asking_for_what_is_already_shared_or_asked_answering_late_or_for_another_family_is_refused_and_nothing_is_stored() {
        long before = requests();
        Reply shared = healthVisitor.post(family + "/sharing/requests", json("kind", "CONTACTS", "reason", "Just in case", "days", 7));
        assertEquals(400, shared.status(), "contacts are shared with health visiting already");
        assertEquals("kind", shared.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(shared.detail().contains("already shares"), shared::toString);
        assertEquals(before, requests(), "nothing stored");

        assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                "preference", "ASK_FIRST")).status());
        for (JsonObject bad : new JsonObject[] {json("kind", "CONTACTS", "days", 7), json("kind", "CONTACTS", "reason", "Why", "days", 0),
                json("kind", "CONTACTS", "reason", "Why", "days", 400), json("kind", "GOSSIP", "reason", "Why", "days", 7)}) {
            assertEquals(400, healthVisitor.post(family + "/sharing/requests", bad).status(), bad::toString);
        }
        assertEquals(before, requests(), "nothing stored");
        assertEquals(403, jess.post(family + "/sharing/requests", json("kind", "CONTACTS", "reason", "Why", "days", 7)).status(),
                "the family does not ask itself");

        String id = askForContacts(fx.unique("For the review"));
        Reply twice = healthVisitor.post(family + "/sharing/requests", json("kind", "CONTACTS", "reason", "Again", "days", 7));
        assertEquals(400, twice.status());
        assertTrue(twice.detail().contains("Waiting for the family's answer"), twice::toString);
        assertEquals(before + 1, requests());

        String answer = family + "/sharing/requests/" + id + "/answer";
        assertEquals(400, jess.post(answer, json()).status(), "yes or no");
        assertEquals(403, healthVisitor.post(answer, json("share", true)).status(), "only the family answers");
        assertEquals(404, People.signedIn(Role.OTHER_FAMILY_MEMBER).post(answer, json("share", true)).status(),
                "another family cannot answer it");
        assertEquals(404, jess.post(family + "/sharing/requests/" + UUID.randomUUID() + "/answer", json("share", true)).status());

        Database.update("update sharing_request set answer_by = ? where id = ?", LocalDate.now().minusDays(1), UUID.fromString(id));
        String answered = "select count(*) from audit_entry where event = 'SHARING_REQUEST_ANSWERED' and subject_id = ?";
        long ledger = Database.count(answered, UUID.fromString(id));
        Reply late = jess.post(answer, json("share", true));
        assertEquals(409, late.status(), "an expired request");
        assertTrue(late.detail().contains("not answered in time"), late::toString);
        assertFalse(Database.count("select count(*) from sharing_request where id = ? and answer is not null", UUID.fromString(id)) > 0,
                "nothing stored");
        assertEquals(ledger, Database.count(answered, UUID.fromString(id)), "no answer in the ledger either");
        assertEquals(403, healthVisitor.get(family + "/contacts").status());
    }

    private static String staffEmail() {
        return fx.admin.get("/staff/" + fx.healthVisitor).json().getString("email");
    }
}
