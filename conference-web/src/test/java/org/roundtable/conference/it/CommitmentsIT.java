package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * A conference run to the end: owners sign off what they own, an edit voids a signature, the
 * family and a professional say where they stand, the chair closes and the record freezes, the
 * minutes come as a PDF, the overdue action reaches the dashboard and its owner's inbox once, and
 * the audit chain verifies until someone tampers with it.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class CommitmentsIT {

    private static DemoFixture fx;
    private static ApiClient socialWorker;
    private static ApiClient jess;
    private static ApiClient housingOfficer;
    private static ApiClient admin;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        socialWorker = People.signedIn(Role.INVOLVED_STAFF);
        jess = People.signedIn(Role.FAMILY_MEMBER);
        housingOfficer = People.signedIn(Role.UNINVOLVED_STAFF);
        admin = People.signedIn(Role.ADMINISTRATOR);
        family = "/families/" + fx.taylors;
    }

    /** A live conference with Jess invited, and a goal with an action for the agency and one for Jess (due yesterday). */
    private record Meeting(String conference, String agencyAction, String jessAction, String agencyWords) {
    }

    private static Meeting meeting(String jessActionWords) {
        String conference = fx.freshConference();
        assertEquals(200, fx.chair.post("/conferences/" + conference + "/invitees",
                json("role", "FAMILY_MEMBER", "familyMemberId", fx.jess)).status());
        var view = fx.chair.get("/conferences/" + conference).json();
        assertEquals(200, fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP",
                "scheduledStart", view.getString("scheduledStart"), "status", "LIVE")).status());
        String goalTitle = fx.unique("Jess feels safe at home");
        var plan = fx.chair.post(family + "/plan/goals", json("title", goalTitle)).json();
        String goal = goalId(plan, goalTitle);
        String agencyWords = fx.unique("Sam visits every week");
        fx.chair.post(family + "/plan/goals/" + goal + "/actions", json("description", agencyWords, "ownerKind", "AGENCY",
                "ownerId", fx.socialCare, "dueOn", LocalDate.now().plusDays(2).toString(), "status", "AGREED"));
        var after = fx.chair.post(family + "/plan/goals/" + goal + "/actions", json("description", jessActionWords,
                "ownerKind", "FAMILY_MEMBER", "ownerId", fx.jess, "dueOn", LocalDate.now().minusDays(1).toString())).json();
        return new Meeting(conference, actionId(after, agencyWords), actionId(after, jessActionWords), agencyWords);
    }

    @Test
    void a_chair_runs_a_conference_to_the_end_and_the_record_freezes() throws IOException {
        String jessWords = fx.unique("Jess rings the school when Ryan is ill");
        Meeting m = meeting(jessWords);
        String conf = "/conferences/" + m.conference();

        // Each owner sees what they may sign.
        var asWorker = action(socialWorker.get(conf + "/sign-off").json(), m.agencyAction());
        assertTrue(asWorker.getBoolean("canSign"));
        assertFalse(action(socialWorker.get(conf + "/sign-off").json(), m.jessAction()).getBoolean("canSign"));
        assertTrue(action(jess.get(conf + "/sign-off").json(), m.jessAction()).getBoolean("canSign"));

        Reply signed = socialWorker.post(conf + "/signatures", json("actionId", m.agencyAction(), "contentHash", asWorker.getString("contentHash")));
        assertEquals(200, signed.status(), signed::toString);
        var agencySigned = action(signed.json(), m.agencyAction());
        assertEquals("SIGNED", agencySigned.getString("state"));
        assertEquals("Sam Okafor", agencySigned.getString("signedBy"));
        String jessHash = action(jess.get(conf + "/sign-off").json(), m.jessAction()).getString("contentHash");
        assertEquals(200, jess.post(conf + "/signatures", json("actionId", m.jessAction(), "contentHash", jessHash)).status());

        // An edit after sign-off voids the signature, visibly, and tells the signer.
        String workerEmail = Database.text("select email from staff_member where username = 'social.worker'");
        int before = Mailbox.count(workerEmail, "please sign again");
        Reply edited = fx.chair.put(family + "/plan/actions/" + m.agencyAction(), json("description", "Sam visits twice a week",
                "ownerKind", "AGENCY", "ownerId", fx.socialCare, "dueOn", LocalDate.now().plusDays(2).toString(), "status", "AGREED"));
        assertEquals(200, edited.status(), edited::toString);
        var voided = action(socialWorker.get(conf + "/sign-off").json(), m.agencyAction());
        assertEquals("NEEDS_NEW_SIGNATURE", voided.getString("state"));
        assertTrue(voided.getString("voidReason").contains("Priya Shah"), voided::toString);
        assertTrue(voided.getBoolean("canSign"));
        waitFor(() -> Mailbox.count(workerEmail, "please sign again") == before + 1, "the signer is told");
        assertEquals("SIGNED", action(jess.get(conf + "/sign-off").json(), m.jessAction()).getString("state"),
                "the other action's signature stands");
        assertEquals(200, socialWorker.post(conf + "/signatures", json("actionId", m.agencyAction(),
                "contentHash", voided.getString("contentHash"))).status());

        // The family's view and a professional's dissent.
        assertEquals(201, jess.post(conf + "/statements", json("stance", "DISAGREES",
                "words", "I want Ryan to stay with his nan at weekends.")).status());
        assertEquals(201, socialWorker.post(conf + "/statements", json("stance", "PROFESSIONAL_DISSENT",
                "words", "The plan does not say who checks the house is warm.")).status());

        // The chair closes; the record is frozen.
        var invitees = fx.chair.get(conf).json();
        String jessInvitee = DemoFixture.idWhere(invitees, "invitees", "name", "Jess Taylor");
        Reply closed = fx.chair.post(conf + "/close", Json.createObjectBuilder()
                .add("attendance", Json.createArrayBuilder().add(Json.createObjectBuilder().add("inviteeId", jessInvitee).add("attendance", "ATTENDED")))
                .add("decisions", Json.createArrayBuilder().add("Ryan stays on the child protection plan for three more months."))
                .build());
        assertEquals(200, closed.status(), closed::toString);
        var record = closed.json();
        assertTrue(record.getBoolean("closed"));
        assertEquals("Priya Shah", record.getString("closedBy"));
        assertEquals("CLOSED", fx.chair.get(conf).json().getString("status"));

        Reply again = fx.chair.post(conf + "/close", null);
        assertEquals(409, again.status(), "closing twice");
        long statements = Database.count("select count(*) from conference_statement where conference_id = ?", java.util.UUID.fromString(m.conference()));
        assertEquals(409, jess.post(conf + "/statements", json("stance", "AGREES")).status(), "editing a closed record");
        assertEquals(409, fx.chair.post(conf + "/agenda", json("title", "Late item")).status());
        assertEquals(409, jess.post(conf + "/signatures", json("actionId", m.jessAction(), "contentHash", jessHash)).status());
        assertEquals(statements, Database.count("select count(*) from conference_statement where conference_id = ?",
                java.util.UUID.fromString(m.conference())), "nothing was added");

        // The plan lives on; the frozen record keeps what was agreed.
        assertEquals(200, fx.chair.put(family + "/plan/actions/" + m.agencyAction(), json("description", "Sam visits on Mondays",
                "ownerKind", "AGENCY", "ownerId", fx.socialCare, "status", "IN_PROGRESS")).status());
        var frozen = jess.get(conf + "/record").json();
        var frozenAction = frozen.getJsonArray("plan").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("actionId").equals(m.agencyAction())).findFirst().orElseThrow();
        assertEquals("Sam visits twice a week", frozenAction.getString("description"));
        assertEquals("SIGNED", frozenAction.getString("signOff"));
        assertEquals("ATTENDED", frozen.getJsonArray("attendance").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("name").equals("Jess Taylor")).findFirst().orElseThrow().getString("attendance"));

        // The minutes, as a PDF anyone invited can download.
        var pdf = jess.download(conf + "/minutes");
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        String text;
        try (var document = Loader.loadPDF(pdf.bytes())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        for (String expected : List.of("Who came", "Jess Taylor (Family): came", "Ryan stays on the child protection plan",
                "Sam visits twice a week", "Riverside Children's Services", "Signed by Sam Okafor", "Signed by Jess Taylor",
                "does not agree with the plan", "stay with his nan at weekends", "Sam Okafor (Riverside Children's Services) disagrees",
                "This record can no longer be changed")) {
            assertTrue(text.contains(expected), "minutes mention \"" + expected + "\":\n" + text);
        }
        assertEquals(404, housingOfficer.download(conf + "/minutes").status(), "not for an agency not involved");
    }

    @Test
    void the_record_says_a_private_part_happened_and_shows_what_was_said_only_to_those_present() throws IOException {
        Meeting m = meeting(fx.unique("Jess keeps the diary"));
        String conf = "/conferences/" + m.conference();
        String jessInvitee = DemoFixture.idWhere(fx.chair.get(conf).json(), "invitees", "name", "Jess Taylor");
        String secret = "SECRET-" + java.util.UUID.randomUUID();
        try (LiveClient chair = LiveClient.connect(fx.chair, m.conference())) {
            chair.hello();
            chair.send(Json.createObjectBuilder().add("type", "startPrivate").add("excluded", Json.createArrayBuilder().add(jessInvitee))
                    .add("reason", "Information about a third party").build());
            chair.nextMatching(msg -> msg.getString("type").equals("room") && msg.get("privatePart") instanceof JsonObject, 5);
            chair.send(Json.createObjectBuilder().add("type", "comment").add("id", m.jessAction()).add("text", secret).build());
            chair.next("comment");
            chair.send(Json.createObjectBuilder().add("type", "endPrivate").build());
            chair.nextMatching(msg -> msg.getString("type").equals("room") && msg.isNull("privatePart"), 5);
        }
        assertEquals(200, fx.close(m.conference()).status());

        var forJess = jess.get(conf + "/record").json().getJsonArray("privateParts").getJsonObject(0);
        assertTrue(forJess.getBoolean("contentHidden"));
        assertEquals("The professionals talked without you for part of the meeting. You can ask the chair about it.",
                forJess.getString("reason"), "that it happened is on the record, in the words the family is told");
        assertFalse(forJess.toString().contains("Information about a third party"), "the professionals' reason stays with them");
        assertFalse(forJess.toString().contains(secret));
        var forChair = fx.chair.get(conf + "/record").json().getJsonArray("privateParts").getJsonObject(0);
        assertTrue(forChair.toString().contains(secret), "those present see what was said");
        try (var document = Loader.loadPDF(jess.download(conf + "/minutes").bytes())) {
            String text = new PDFTextStripper().getText(document);
            assertFalse(text.contains(secret));
            assertTrue(text.contains("You were not present for this part"), text);
        }
    }

    @Test
    void nobody_signs_what_they_do_not_own_or_a_version_they_did_not_read() {
        Meeting m = meeting(fx.unique("Jess takes Ryan to the dentist"));
        String conf = "/conferences/" + m.conference();
        String hash = action(jess.get(conf + "/sign-off").json(), m.jessAction()).getString("contentHash");
        long signatures = Database.count("select count(*) from action_signature");

        Reply notOwner = socialWorker.post(conf + "/signatures", json("actionId", m.jessAction(), "contentHash", hash));
        assertEquals(403, notOwner.status(), notOwner::toString);
        assertEquals(404, housingOfficer.post(conf + "/signatures", json("actionId", m.jessAction(), "contentHash", hash)).status());
        Reply stale = jess.post(conf + "/signatures", json("actionId", m.jessAction(), "contentHash", "0".repeat(64)));
        assertEquals(409, stale.status());
        assertTrue(stale.detail().contains("changed since you read it"), stale::toString);
        assertEquals(404, jess.post(conf + "/signatures", json("actionId", java.util.UUID.randomUUID().toString(), "contentHash", hash)).status());
        assertEquals(400, jess.post(conf + "/signatures", json("contentHash", hash)).status());
        assertEquals(signatures, Database.count("select count(*) from action_signature"), "no refused signature was stored");
    }

    @Test
    void the_family_agrees_or_disagrees_in_its_words_and_professionals_record_dissent() {
        Meeting m = meeting(fx.unique("Jess goes to the parenting group"));
        String conf = "/conferences/" + m.conference();
        Reply noReason = jess.post(conf + "/statements", json("stance", "DISAGREES"));
        assertEquals(400, noReason.status());
        assertTrue(noReason.detail().contains("own words"), noReason::toString);
        assertEquals(403, socialWorker.post(conf + "/statements", json("stance", "AGREES")).status(), "agreement is the family's");
        assertEquals(403, jess.post(conf + "/statements", json("stance", "PROFESSIONAL_DISSENT", "words", "x")).status());
        assertEquals(400, socialWorker.post(conf + "/statements", json("stance", "PROFESSIONAL_DISSENT")).status());
        assertEquals(0, jess.get(conf + "/statements").structure().asJsonArray().size(), "nothing refused was kept");
        assertEquals(201, jess.post(conf + "/statements", json("stance", "AGREES")).status());
        var said = jess.get(conf + "/statements").structure().asJsonArray();
        assertEquals("AGREES", said.getJsonObject(0).getString("stance"));
        assertEquals("Jess Taylor", said.getJsonObject(0).getString("authorName"));
    }

    @Test
    void the_overdue_action_is_first_on_the_chairs_dashboard_and_its_owner_gets_one_email() {
        String words = fx.unique("Jess books the GP appointment");
        Meeting m = meeting(words);
        var dashboard = fx.chair.get("/dashboard").json();
        var first = dashboard.getJsonArray("actions").getJsonObject(0);
        assertTrue(first.getBoolean("overdue"), "overdue first: " + first);
        var ours = dashboard.getJsonArray("actions").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("actionId").equals(m.jessAction())).findFirst().orElseThrow();
        assertTrue(ours.getBoolean("overdue"));
        assertEquals("Jess Taylor", ours.getString("ownerName"));
        var jessOnly = fx.chair.get("/dashboard?owner=FAMILY_MEMBER:" + fx.jess).json().getJsonArray("actions");
        assertTrue(jessOnly.stream().allMatch(a -> a.asJsonObject().getString("ownerName").equals("Jess Taylor")));
        assertEquals(400, fx.chair.get("/dashboard?status=LATE").status());
        assertEquals(403, socialWorker.get("/dashboard").status(), "the dashboard is the chair's");

        // Out-of-range settings are refused and change nothing.
        int daysAhead = admin.get("/admin/settings/reminders").json().getInt("daysAhead");
        assertEquals(400, admin.put("/admin/settings/reminders", json("daysAhead", 31)).status());
        assertEquals(400, admin.put("/admin/settings/reminders", Json.createObjectBuilder().add("daysAhead", -1).build()).status());
        assertEquals(daysAhead, admin.get("/admin/settings/reminders").json().getInt("daysAhead"));

        // The daily job: one email per owner, once a day, however often it is started.
        Database.update("delete from daily_job_run where job = 'action-reminders'");
        int mails = Mailbox.count("jess.taylor@example.org", "overdue");
        var run = admin.post("/admin/reminders/run", null).json();
        assertTrue(run.getBoolean("ran"), run::toString);
        assertTrue(run.getInt("emailsSent") >= 1);
        waitFor(() -> Mailbox.count("jess.taylor@example.org", "overdue") == mails + 1, "Jess gets her reminder");
        assertTrue(Mailbox.body(Mailbox.latest("jess.taylor@example.org", "overdue")).contains(words));
        assertFalse(admin.post("/admin/reminders/run", null).json().getBoolean("ran"), "already sent today");
        assertEquals(mails + 1, Mailbox.count("jess.taylor@example.org", "overdue"), "one email, not two");
        // Not only overdue: the agency's action due in two days (within the days ahead) reaches its lead worker.
        String workerEmail = Database.text("select email from staff_member where username = 'social.worker'");
        String reminder = Mailbox.body(Mailbox.latest(workerEmail, "of your actions"));
        assertTrue(reminder.contains(m.agencyWords()), reminder);
    }

    @Test
    void owners_post_progress_and_the_status_follows() {
        Meeting m = meeting(fx.unique("Jess walks Ryan to school"));
        String progress = family + "/plan/actions/" + m.jessAction() + "/progress";
        Reply refused = socialWorker.post(progress, json("status", "DONE", "note", "Seen it done"));
        assertEquals(403, refused.status(), "only the owner reports progress");
        assertEquals(400, jess.post(progress, json("status", "DONE", "note", " ")).status());
        assertEquals(201, jess.post(progress, json("status", "IN_PROGRESS", "note", "We walked every day this week.")).status());
        var updates = fx.chair.get(progress).structure().asJsonArray();
        assertEquals(1, updates.size());
        assertEquals("We walked every day this week.", updates.getJsonObject(0).getString("note"));
        var plan = fx.chair.get(family + "/plan").json();
        assertEquals("IN_PROGRESS", plan.getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("id").equals(m.jessAction())).findFirst().orElseThrow()
                .getString("status"));
    }

    @Test
    void the_timescales_propose_the_next_conferences_from_the_strategy_discussion() {
        String created = fx.chair.post("/families", json("name", fx.unique("Timescale family"))).json().getString("id");
        String strategy = LocalDate.now().minusDays(40).toString();
        assertEquals(200, fx.chair.put("/families/" + created, json("name", "Timescale family", "strategyDiscussionOn", strategy)).status());
        assertEquals(400, fx.chair.put("/families/" + created, json("name", "Timescale family",
                "strategyDiscussionOn", LocalDate.now().plusDays(3).toString())).status());
        var due = fx.chair.get("/families/" + created + "/timescales").structure().asJsonArray();
        assertEquals(1, due.size());
        var initial = due.getJsonObject(0);
        assertEquals("INITIAL_CHILD_PROTECTION", initial.getString("kind"));
        assertEquals("OVERDUE", initial.getString("state"), "fifteen working days have passed");
        assertTrue(initial.getBoolean("breach"));
        assertTrue(LocalDate.parse(initial.getString("proposedOn")).isAfter(LocalDate.now()));

        // Once the chair has a conference with the family, the overdue initial conference is on the dashboard.
        assertEquals(201, fx.chair.post("/conferences", json("familyId", created, "kind", "CORE_GROUP",
                "scheduledStart", "2031-02-01T10:00:00Z")).status());
        var onDashboard = fx.chair.get("/dashboard").json().getJsonArray("conferences").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("familyId").equals(created)).toList();
        assertTrue(onDashboard.stream().anyMatch(c -> c.getString("kind").equals("INITIAL_CHILD_PROTECTION") && c.getBoolean("breach")),
                onDashboard::toString);
    }

    @Test
    void the_audit_chain_verifies_and_fails_after_tampering_through_the_endpoint_and_the_command() throws Exception {
        meeting(fx.unique("Something to audit"));
        var intact = admin.get("/admin/audit/verification").json();
        assertTrue(intact.getBoolean("intact"), intact::toString);
        assertTrue(intact.getInt("auditEntriesChecked") > 0);
        assertEquals(0, verifyCommand(), "the command agrees");
        assertEquals(403, fx.chair.get("/admin/audit/verification").status());

        String seq = Database.text("select max(seq) from audit_entry");
        String detail = Database.text("select detail from audit_entry where seq = ?", Long.parseLong(seq));
        Database.update("update audit_entry set detail = ? where seq = ?", detail.replace("}", ",\"x\":1}"), Long.parseLong(seq));
        try {
            var broken = admin.get("/admin/audit/verification").json();
            assertFalse(broken.getBoolean("intact"));
            assertEquals(Long.parseLong(seq), broken.getJsonObject("firstBrokenLink").getJsonNumber("position").longValue());
            assertEquals(1, verifyCommand());
        } finally {
            Database.update("update audit_entry set detail = ? where seq = ?", detail, Long.parseLong(seq));
        }

        String planId = Database.text("select id from action_plan where family_id = ?", java.util.UUID.fromString(fx.taylors));
        String revision = Database.text("select max(revision) from plan_change where plan_id = ?", java.util.UUID.fromString(planId));
        Database.update("update plan_change set author_kind = 'ADVOCATE' where plan_id = ? and revision = ?",
                java.util.UUID.fromString(planId), Long.parseLong(revision));
        try {
            var broken = admin.get("/admin/audit/verification").json().getJsonObject("firstBrokenLink");
            assertEquals("plan", broken.getString("log"));
            assertEquals(planId, broken.getString("subjectId"));
        } finally {
            Database.update("update plan_change set author_kind = 'STAFF' where plan_id = ? and revision = ?",
                    java.util.UUID.fromString(planId), Long.parseLong(revision));
        }
        assertTrue(admin.get("/admin/audit/verification").json().getBoolean("intact"));

        // A closed record rewritten behind the application's back no longer matches its closing entry.
        String closed = fx.freshLiveConference();
        assertEquals(200, fx.close(closed).status());
        var id = java.util.UUID.fromString(closed);
        String record = Database.text("select record from conference_record where conference_id = ?", id);
        Database.update("update conference_record set record = ? where conference_id = ?", record.replace("Priya Shah", "P. Shah"), id);
        try {
            var broken = admin.get("/admin/audit/verification").json().getJsonObject("firstBrokenLink");
            assertEquals("record", broken.getString("log"));
            assertEquals(closed, broken.getString("subjectId"));
        } finally {
            Database.update("update conference_record set record = ? where conference_id = ?", record, id);
        }
        assertTrue(admin.get("/admin/audit/verification").json().getBoolean("intact"));
    }

    /** Runs the command-line check in its own JVM against the test database; returns its exit code. */
    private static int verifyCommand() throws IOException, InterruptedException {
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.roundtable.conference.infrastructure.audit.VerifyAuditCommand")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("DB_URL", System.getProperty("roundtable.test.db.url"));
        process.environment().put("DB_USER", System.getProperty("roundtable.test.db.user"));
        process.environment().put("DB_PASSWORD", System.getProperty("roundtable.test.db.password"));
        var running = process.start();
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        return running.exitValue();
    }

    private static JsonObject action(JsonObject signOff, String actionId) {
        return signOff.getJsonArray("actions").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("actionId").equals(actionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + actionId + " in " + signOff));
    }

    private static String goalId(JsonObject plan, String title) {
        return DemoFixture.idWhere(plan, "goals", "title", title);
    }

    private static String actionId(JsonObject plan, String description) {
        return plan.getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + description)).getString("id");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
