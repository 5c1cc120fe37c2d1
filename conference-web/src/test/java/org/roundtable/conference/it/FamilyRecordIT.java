package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * The family's own record: it keeps its details and staff suggest corrections; it says who may
 * see what and professionals override only with a reason it reads; it sees who looked; the
 * contact map; reports before the conference; and everything held, downloaded.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class FamilyRecordIT {

    private static DemoFixture fx;
    private static ApiClient jess;
    private static ApiClient worker;
    private static ApiClient healthVisitor;
    private static ApiClient outsider;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        jess = People.signedIn(Role.FAMILY_MEMBER);
        worker = People.signedIn(Role.INVOLVED_STAFF);
        healthVisitor = People.staff("health.visitor");
        outsider = People.signedIn(Role.UNINVOLVED_STAFF);
        family = "/families/" + fx.taylors;
    }

    private static JsonObject member(ApiClient who, String memberId) {
        return who.get(family).json().getJsonArray("members").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getString("id").equals(memberId)).findFirst().orElseThrow();
    }

    @Test
    void the_family_changes_its_phone_number_once_and_every_worker_reads_the_new_one() {
        var before = member(jess, fx.jess);
        String phone = "07700 9" + (100000 + (int) (Math.random() * 800000));
        Reply saved = jess.put(family + "/members/" + fx.jess, json("fullName", before.getString("fullName"),
                "dateOfBirth", before.getString("dateOfBirth"), "email", before.getString("email"), "phone", phone,
                "address", before.getString("address", null), "preferredLanguage", before.getString("preferredLanguage", null),
                "accessNeeds", before.getString("accessNeeds", null)));
        assertEquals(200, saved.status(), saved::toString);
        assertEquals(phone, member(worker, fx.jess).getString("phone"), "the worker reads what Jess wrote, without asking");
        var changes = worker.get(family + "/details/history").structure().asJsonArray();
        assertTrue(changes.stream().noneMatch(c -> c.asJsonObject().getString("field").equals("ACCESS_NEEDS")
                && c.asJsonObject().getString("changedAt").equals(changes.getJsonObject(0).getString("changedAt"))),
                "only what changed is recorded");
        var change = changes.getJsonObject(0);
        assertEquals("PHONE", change.getString("field"));
        assertEquals(phone, change.getString("newValue"));
        assertEquals("Jess Taylor", change.getString("changedByName"));

        Reply overwrite = worker.put(family + "/members/" + fx.jess, json("fullName", "Someone Else"));
        assertEquals(403, overwrite.status(), "staff suggest; they do not overwrite");
        assertTrue(overwrite.detail().contains("Suggest a correction"), overwrite::toString);
        assertEquals("Jess Taylor", member(jess, fx.jess).getString("fullName"));

        assertEquals(200, jess.put(family + "/details/about", json("messageToWorkers", "Please ring after 10, I work nights.")).status());
        assertEquals("Please ring after 10, I work nights.", worker.get(family).json().getString("messageToWorkers"));
    }

    @Test
    void staff_suggest_a_correction_and_the_family_accepts_or_declines_it() {
        Reply bad = worker.post(family + "/details/members/" + fx.ryan + "/proposals", json("field", "EMAIL", "value", "not-an-email", "reason", "x"));
        assertEquals(400, bad.status());
        assertEquals(400, worker.post(family + "/details/members/" + fx.ryan + "/proposals", json("field", "ADDRESS", "value", "1 Road")).status(),
                "a correction needs a reason");
        assertEquals(404, worker.post("/families/" + UUID.randomUUID() + "/details/members/" + fx.ryan + "/proposals",
                json("field", "ADDRESS", "value", "1 Road", "reason", "Moved")).status(), "guessing another family's ids reveals nothing");
        assertEquals(404, outsider.post(family + "/details/members/" + fx.ryan + "/proposals",
                json("field", "ADDRESS", "value", "1 Road", "reason", "Moved")).status());

        String address = "Flat " + (int) (Math.random() * 90 + 10) + ", Mill Court, Riverside";
        Reply proposed = worker.post(family + "/details/members/" + fx.ryan + "/proposals",
                json("field", "ADDRESS", "value", address, "reason", "School has a new address on file."));
        assertEquals(201, proposed.status(), proposed::toString);
        String proposal = proposed.json().getString("id");
        assertEquals(403, worker.post(family + "/details/proposals/" + proposal + "/decision", json("accept", true)).status(),
                "only the family decides");
        var accepted = jess.post(family + "/details/proposals/" + proposal + "/decision", json("accept", true));
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("ACCEPTED", accepted.json().getString("status"));
        assertEquals(address, member(worker, fx.ryan).getString("address"));
        assertEquals(409, jess.post(family + "/details/proposals/" + proposal + "/decision", json("accept", false)).status(), "decided once");
        var history = jess.get(family + "/details/history").structure().asJsonArray().getJsonObject(0);
        assertTrue(history.getBoolean("fromSuggestion"));

        String declined = worker.post(family + "/details/members/" + fx.ryan + "/proposals",
                json("field", "PREFERRED_LANGUAGE", "value", "Polish", "reason", "Heard at school.")).json().getString("id");
        assertEquals("DECLINED", jess.post(family + "/details/proposals/" + declined + "/decision", json("accept", false)).json().getString("status"));
        assertFalse("Polish".equals(member(worker, fx.ryan).getString("preferredLanguage", null)));
    }

    @Test
    void do_not_share_refuses_the_agency_until_a_worker_overrides_with_a_reason_that_the_family_reads() {
        String contacts = family + "/contacts";
        assertEquals(200, healthVisitor.get(contacts).status());
        try {
            assertEquals(400, jess.put(family + "/sharing/preferences", json("agencyId", fx.housing, "kind", "CONTACTS",
                    "preference", "DO_NOT_SHARE")).status(), "an agency that is not involved");
            assertEquals(403, worker.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                    "preference", "SHARE")).status(), "only the family sets its preferences");
            assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                    "preference", "DO_NOT_SHARE")).status());
            Reply refused = healthVisitor.get(contacts);
            assertEquals(403, refused.status());
            assertTrue(refused.detail().contains("Not shared with your agency"), refused::toString);
            assertEquals(200, worker.get(contacts).status(), "other agencies are not affected");

            long decisions = Database.count("select count(*) from sharing_decision");
            assertEquals(400, healthVisitor.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK")).status(),
                    "an override needs a reason");
            assertEquals(decisions, Database.count("select count(*) from sharing_decision"));
            String reason = "Mia's weight has dropped; I need to see who else has seen her. " + UUID.randomUUID();
            assertEquals(201, healthVisitor.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK",
                    "reason", reason, "reviewOn", LocalDate.now().plusDays(30).toString())).status());
            assertEquals(200, healthVisitor.get(contacts).status(), "the override gives access");
            var ledger = jess.get(family + "/sharing").json().getJsonArray("ledger");
            var entry = ledger.stream().map(v -> v.asJsonObject()).filter(e -> e.getString("reason").equals(reason)).findFirst().orElseThrow();
            assertEquals("Grace Mensah", entry.getString("decidedByName"));
            assertEquals("CHILD_AT_RISK", entry.getString("lawfulBasis"));

            // The chair may hold the entry back from the family, but only with a reason and a review date.
            String id = entry.getString("id");
            String restriction = family + "/sharing/decisions/" + id + "/restriction";
            assertEquals(400, fx.chair.put(restriction, json("reason", "Police enquiry under way")).status());
            assertEquals(400, fx.chair.put(restriction, json("reason", "Police enquiry", "reviewOn", LocalDate.now().minusDays(1).toString())).status());
            assertEquals(403, worker.put(restriction, json("reason", "x", "reviewOn", LocalDate.now().plusDays(7).toString())).status(),
                    "only a chair restricts");
            assertEquals(200, fx.chair.put(restriction, json("reason", "Police enquiry under way",
                    "reviewOn", LocalDate.now().plusDays(14).toString())).status());
            var forJess = jess.get(family + "/sharing").json();
            assertFalse(forJess.toString().contains(reason), "held back from the family for now");
            assertTrue(forJess.getInt("entriesWithheld") >= 1);
            assertTrue(worker.get(family + "/sharing").json().toString().contains(reason), "staff still see it");
            // On the review date it shows, unless renewed.
            Database.update("update sharing_decision set restriction_review_on = ? where id = ?", LocalDate.now(), UUID.fromString(id));
            assertTrue(jess.get(family + "/sharing").json().toString().contains(reason));
        } finally {
            jess.put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS", "preference", "SHARE"));
        }
    }

    @Test
    void a_change_of_preference_leaves_the_agency_in_the_live_room_with_only_its_own_actions() {
        // The school: no one there has overridden the family's wishes (an override would keep access).
        ApiClient teacher = People.staff("teacher");
        var live = LiveClient.connect(teacher, fx.conference);
        try {
            live.hello();
            assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", "PLAN",
                    "preference", "ASK_FIRST")).status());
            var partOf = live.nextMatching(m -> m.getString("type").equals("sync"), 2);
            assertTrue(partOf.getBoolean("onlyOwnActions"), partOf::toString);
            assertFalse(partOf.toString().contains("Walk Ryan to school"), "the rest of the plan is gone: " + partOf);
            assertTrue(live.isOpen(), "the school stays for its own actions");
            assertTrue(teacher.get(family + "/plan").json().getBoolean("onlyOwnActions"), "only the school's own actions are left");
        } finally {
            jess.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", "PLAN", "preference", "SHARE"));
            live.close();
        }
        assertEquals(200, teacher.get(family + "/plan").status());
    }

    @Test
    void each_kind_the_family_does_not_share_is_withheld_from_that_agency() {
        ApiClient teacher = People.staff("teacher");
        String conference = "/conferences/" + fx.conference;
        String report = fx.sharedReport();
        assertEquals(200, teacher.get(conference + "/record").status());
        assertTrue(teacher.get(conference + "/reports").body().contains(report));
        try {
            for (String kind : new String[] {"DETAILS", "CONFERENCE_RECORDS", "REPORTS"}) {
                assertEquals(200, jess.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", kind,
                        "preference", "DO_NOT_SHARE")).status());
            }
            var view = teacher.get(family).json();
            assertTrue(view.getBoolean("detailsWithheld"));
            var jessSeen = view.getJsonArray("members").stream().map(v -> v.asJsonObject())
                    .filter(m -> m.getString("id").equals(fx.jess)).findFirst().orElseThrow();
            assertEquals("Jess Taylor", jessSeen.getString("fullName"), "who the person is stays");
            assertFalse(jessSeen.containsKey("phone") && !jessSeen.isNull("phone"), "their contact details do not: " + jessSeen);
            assertEquals(403, teacher.get(family + "/details/history").status());
            assertEquals(403, teacher.get(conference + "/record").status());
            assertEquals(403, teacher.get(conference + "/statements").status());
            assertEquals(403, teacher.download(conference + "/minutes").status());
            assertFalse(teacher.get(conference + "/reports").body().contains(report), "another agency's report is not listed");
            assertEquals(404, teacher.download(conference + "/reports/" + report).status());
            assertTrue(worker.get(family).json().getJsonArray("members").toString().contains("@"), "other agencies still see details");
        } finally {
            for (String kind : new String[] {"DETAILS", "CONFERENCE_RECORDS", "REPORTS"}) {
                jess.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", kind, "preference", "SHARE"));
            }
        }
        assertEquals(200, teacher.get(conference + "/record").status());
    }

    @Test
    void the_family_sees_who_looked_at_its_record_and_why() {
        String purpose = "Preparing for the review " + UUID.randomUUID();
        assertEquals(200, worker.get(family + "/plan?purpose=" + purpose.replace(" ", "%20")).status());
        var log = jess.get(family + "/access-log").json().getJsonArray("items");
        var entry = log.stream().map(v -> v.asJsonObject()).filter(e -> purpose.equals(e.getString("purpose", null))).findFirst().orElseThrow();
        assertEquals("Sam Okafor", entry.getString("staffName"));
        assertEquals("Riverside Children's Services", entry.getString("agencyName"));
        assertEquals("your plan", entry.getString("what"));
        assertEquals(403, worker.get(family + "/access-log").status(), "the log is the family's");
        long before = Database.count("select count(*) from record_access");
        jess.get(family + "/plan");
        assertEquals(before, Database.count("select count(*) from record_access"), "the family reading its own record is not logged");
    }

    @Test
    void the_contact_map_shows_the_months_and_flags_assessments_repeated_by_different_agencies() {
        var map = jess.get(family + "/contact-map?months=6").json();
        assertEquals(6, map.getJsonArray("months").size());
        var socialCare = map.getJsonArray("agencies").stream().map(a -> a.asJsonObject())
                .filter(a -> a.getString("agencyName").equals("Riverside Children's Services")).findFirst().orElseThrow();
        assertTrue(socialCare.getJsonObject("kinds").containsKey("ASSESSMENT"), "of what kind: " + socialCare);
        var repeated = map.getJsonArray("repeatedAssessments");
        assertFalse(repeated.isEmpty(), "assessed by social care and by health visiting within three months: " + map);
        assertTrue(repeated.getJsonObject(0).getJsonArray("agencies").size() >= 2);
        Reply svg = worker.get(family + "/contact-map/chart.svg");
        assertEquals(200, svg.status());
        assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
        assertTrue(svg.body().startsWith("<svg") && svg.body().contains("<title"), svg.body());
        assertEquals(400, jess.get(family + "/contact-map?months=99").status());
        assertEquals(404, outsider.get(family + "/contact-map").status());
    }

    @Test
    void agencies_upload_reports_the_family_reads_them_once_shared_and_late_ones_are_flagged() throws IOException {
        // A conference tomorrow: its reports were due three working days ago.
        String start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String conference = fx.chair.post("/conferences", json("familyId", fx.taylors, "kind", "REVIEW_CHILD_PROTECTION",
                "scheduledStart", start)).json().getString("id");
        // Booked in good time, ten days ago (one booked today at short notice has its reports due by its start).
        Database.update("update conference set start_set_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)), UUID.fromString(conference));
        String reports = "/conferences/" + conference + "/reports";
        var expected = fx.chair.get(reports).json().getJsonArray("expected").getJsonObject(0);
        assertEquals("Riverside Children's Services", expected.getString("agencyName"));
        assertTrue(expected.getBoolean("late"), "no report, and the deadline has passed");

        byte[] pdf = pdf("Social care report for the Taylor family");
        assertEquals(400, worker.postBytes(reports + "?fileName=report.pdf", "application/pdf", "not a pdf at all".getBytes()).status());
        assertEquals(400, worker.postBytes(reports + "?fileName=..%2F..%2Fetc%2Fpasswd.pdf", "application/pdf", pdf).status());
        assertEquals(400, worker.postBytes(reports + "?fileName=report.exe", "application/pdf", pdf).status());
        Reply large = worker.postBytes(reports + "?fileName=big.pdf", "application/pdf", new byte[6 * 1024 * 1024]);
        assertEquals(413, large.status(), large::toString);
        assertEquals(403, jess.postBytes(reports + "?fileName=mine.pdf", "application/pdf", pdf).status());
        assertEquals(404, outsider.postBytes(reports + "?fileName=x.pdf", "application/pdf", pdf).status());
        assertEquals(0, Database.count("select count(*) from conference_report where conference_id = ?", UUID.fromString(conference)),
                "nothing refused was stored");

        Reply uploaded = worker.postBytes(reports + "?fileName=Social care report.pdf".replace(" ", "%20"), "application/pdf", pdf);
        assertEquals(201, uploaded.status(), uploaded::toString);
        String report = uploaded.json().getString("id");
        assertTrue(uploaded.json().getBoolean("late"));
        assertTrue(jess.get(reports).json().getJsonArray("reports").isEmpty(), "not shared yet");
        assertEquals(404, jess.download(reports + "/" + report).status());

        assertEquals(200, worker.post(reports + "/" + report + "/share", null).status());
        var download = jess.download(reports + "/" + report);
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.bytes());
        var chairView = fx.chair.get(reports).json().getJsonArray("expected").getJsonObject(0);
        assertTrue(chairView.getBoolean("received"));
        assertTrue(chairView.getBoolean("late"), "it came after the deadline");
    }

    @Test
    void a_family_member_downloads_everything_held_about_the_family() throws IOException {
        worker.get(family + "/plan?purpose=Export%20check");
        Reply json = jess.get(family + "/my-data");
        assertEquals(200, json.status());
        var data = json.json();
        assertEquals("Taylor family", data.getJsonObject("family").getString("name"));
        for (String part : new String[] {"plan", "conferences", "contacts", "detailChanges", "suggestedCorrections", "sharing", "accessLog", "reports"}) {
            assertTrue(data.containsKey(part), "the export has " + part);
        }
        assertFalse(data.getJsonArray("contacts").isEmpty());
        assertTrue(data.getJsonArray("accessLog").stream().anyMatch(a -> "Export check".equals(a.asJsonObject().getString("purpose", null))));
        var pdf = jess.download(family + "/my-data/pdf");
        assertEquals(200, pdf.status());
        try (var document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Everything we hold about the Taylor family"), text);
            assertTrue(text.contains("Who looked at your record"));
        }
        assertEquals(403, worker.get(family + "/my-data").status());
    }

    private static byte[] pdf(String text) throws IOException {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setTitle(text);
            document.save(out);
            return out.toByteArray();
        }
    }
}
