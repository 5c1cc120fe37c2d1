package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Everything we hold about you": one ZIP with every table about the family (found from the
 * database's own catalogue), the readable PDF, and the reports as they were uploaded; nothing
 * about another family, no secrets, and nothing said in a private part the family was kept out of.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class EverythingHeldIT {

    /**
     * Tables that refer to a family but are left out of the export on purpose, each with its
     * reason; the export's "leftOut" must name each one. None today: every such table is in it.
     */
    private static final Map<String, String> LEFT_OUT_ON_PURPOSE = Map.of();

    private static DemoFixture fx;
    private static ApiClient jess;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void people() {
        fx = new DemoFixture();
        jess = People.signedIn(Role.FAMILY_MEMBER);
        family = "/families/" + fx.taylors;
    }

    @Test
    void every_table_that_refers_to_a_family_even_through_another_table_is_in_the_export() throws Exception {
        var referring = new TreeSet<String>();
        try (var c = Database.connect(); var rows = c.createStatement().executeQuery("""
                with recursive refers(oid) as (
                    select 'family'::regclass::oid
                    union
                    select k.conrelid from pg_constraint k join refers r on k.confrelid = r.oid where k.contype = 'f'
                )
                select c.relname from pg_class c join refers r on r.oid = c.oid""")) {
            while (rows.next()) {
                referring.add(rows.getString(1));
            }
        }
        assertTrue(referring.containsAll(java.util.List.of("family", "conference", "plan_action", "progress_update", "invitation")),
                "the catalogue walk follows references through other tables: " + referring);

        var zip = zip(jess);
        JsonObject data = parse(zip.get("my-family-data.json"));
        var exported = data.getJsonObject("tables").keySet();
        String leftOut = data.getJsonArray("leftOut").toString();
        var missing = new TreeSet<String>();
        for (String table : referring) {
            if (LEFT_OUT_ON_PURPOSE.containsKey(table)) {
                assertTrue(leftOut.contains(table), table + " is left out on purpose, and the export says why");
            } else if (!exported.contains(table)) {
                missing.add(table);
            }
        }
        assertEquals(new TreeSet<String>(), missing, "tables about a family missing from \"everything we hold\"");
    }

    @Test
    void the_zip_holds_the_familys_own_values_its_reports_as_uploaded_and_nothing_of_another_family_or_any_secret() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        UUID taylors = UUID.fromString(fx.taylors);
        UUID novaks = UUID.fromString(Database.text("select cast(id as varchar) from family where name = 'Novak family'"));
        OffsetDateTime now = OffsetDateTime.now();
        // A comment on the Taylors' plan, and one on the Novaks'.
        Database.update("insert into plan_comment (id, family_id, node_id, author_kind, author_id, author_name, body, created_at)"
                + " values (?, ?, ?, 'STAFF', ?, 'Sam Okafor', ?, ?)", UUID.randomUUID(), taylors, UUID.randomUUID(), UUID.randomUUID(),
                "Comment " + mark, now);
        Database.update("insert into plan_comment (id, family_id, node_id, author_kind, author_id, author_name, body, created_at)"
                + " values (?, ?, ?, 'STAFF', ?, 'Alex Morgan', ?, ?)", UUID.randomUUID(), novaks, UUID.randomUUID(), UUID.randomUUID(),
                "Novak comment " + mark, now);
        // A private part of a meeting Jess was kept out of, with a comment made in it.
        UUID conference = UUID.fromString(fx.freshConferenceWithJess());
        UUID jessInvitee = UUID.fromString(Database.text("select cast(id as varchar) from conference_invitee"
                + " where conference_id = ? and family_member_id = ?", conference, UUID.fromString(fx.jess)));
        UUID part = UUID.randomUUID();
        Database.update("insert into private_part (id, conference_id, started_by_id, reason, family_text, started_at, ended_at)"
                + " select ?, id, chair_id, ?, ?, ?, ? from conference where id = ?", part, "POLICE-" + mark,
                "Told " + mark, now.minusMinutes(10), now.minusMinutes(5), conference);
        Database.update("insert into private_part_exclusion (private_part_id, invitee_id) values (?, ?)", part, jessInvitee);
        Database.update("insert into plan_comment (id, family_id, conference_id, node_id, author_kind, author_id, author_name, body,"
                + " private_part_id, created_at) values (?, ?, ?, ?, 'STAFF', ?, 'Sam Okafor', ?, ?, ?)", UUID.randomUUID(), taylors,
                conference, UUID.randomUUID(), UUID.randomUUID(), "Hidden " + mark, part, now.minusMinutes(7));
        // An invitation, whose token only its hash stands for.
        String tokenHash = (mark + "0123456789abcdef").repeat(3).substring(0, 64);
        Database.update("insert into invitation (id, invitee_id, email, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), jessInvitee, "jess.taylor@example.org", tokenHash, now, now.plusDays(7));
        // Progress on Jess's own action, a worker reading the record, and a report shared with the family.
        assertEquals(201, jess.post(family + "/plan/actions/" + fx.jessAction() + "/progress",
                json("status", "IN_PROGRESS", "note", "Progress " + mark)).status());
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        worker.get(family + "/plan?purpose=Export%20" + mark);
        byte[] report = pdf("Report " + mark);
        String reports = "/conferences/" + conference + "/reports";
        var uploaded = worker.postBytes(reports + "?fileName=Report%20" + mark + ".pdf", "application/pdf", report);
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertEquals(200, worker.post(reports + "/" + uploaded.json().getString("id") + "/share", null).status());

        var zip = zip(jess);
        String text = new String(zip.get("my-family-data.json"), StandardCharsets.UTF_8);
        JsonObject tables = parse(zip.get("my-family-data.json")).getJsonObject("tables");

        // The family's own values, as stored.
        var jessRow = row(tables, "family_member", "full_name", "Jess Taylor");
        assertEquals(Database.text("select phone from family_member where id = ?", UUID.fromString(fx.jess)), jessRow.getString("phone"));
        assertEquals(Database.text("select email from family_member where id = ?", UUID.fromString(fx.jess)), jessRow.getString("email"));
        assertEquals("Taylor family", row(tables, "family", "id", fx.taylors).getString("name"));
        assertEquals("Sam Okafor", row(tables, "plan_comment", "body", "Comment " + mark).getString("author_name"));
        assertEquals("IN_PROGRESS", row(tables, "progress_update", "note", "Progress " + mark).getString("status"));
        assertEquals("Export " + mark, row(tables, "record_access", "purpose", "Export " + mark).getString("purpose"));
        assertEquals(Database.count("select count(*) from contact where family_id = ?", taylors), tables.getJsonArray("contact").size());
        assertTrue(tables.getJsonArray("contact").stream().allMatch(c -> fx.taylors.equals(c.asJsonObject().getString("family_id"))));
        assertEquals("Told " + mark, row(tables, "private_part", "id", part.toString()).getString("family_text"));
        assertEquals(jessInvitee.toString(), row(tables, "private_part_exclusion", "private_part_id", part.toString()).getString("invitee_id"));
        assertEquals("jess.taylor@example.org", row(tables, "invitation", "invitee_id", jessInvitee.toString()).getString("email"));
        assertEquals("Report " + mark + ".pdf", row(tables, "conference_report", "conference_id", conference.toString()).getString("file_name"));
        assertEquals(Database.count("select count(*) from plan_change c join action_plan p on p.id = c.plan_id where p.family_id = ?",
                taylors), tables.getJsonArray("plan_change").size(), "the plan's full change history");
        assertTrue(tables.getJsonArray("plan_change").size() > 0);

        // The report, exactly as uploaded.
        assertArrayEquals(report, zip.get("reports/Riverside Children's Services - Report " + mark + ".pdf"), "the report as uploaded: " + zip.keySet());

        // The readable PDF, made for Jess.
        try (var pdf = Loader.loadPDF(zip.get("my-family-data.pdf"))) {
            String words = new PDFTextStripper().getText(pdf);
            assertTrue(words.contains("Everything we hold about the Taylor family"), words);
        }

        // Nothing of another family, no secret, nothing said where Jess was kept out, nor the professionals' reason.
        for (String absent : new String[] {"Novak", "Anna", "3 Station Road", "Novak comment " + mark, "Hidden " + mark, "POLICE-" + mark,
                tokenHash, jess.cookie("RT_SESSION")}) {
            assertFalse(text.contains(absent), "the export holds " + absent);
        }
        for (String column : new String[] {"\"token_hash\"", "\"restriction_reason\"", "\"reason\":\"POLICE"}) {
            assertFalse(tables.toString().contains(column), "the tables hold " + column);
        }
        String leftOut = parse(zip.get("my-family-data.json")).getJsonArray("leftOut").toString();
        assertTrue(leftOut.contains("token_hash") && leftOut.contains("audit_entry") && leftOut.contains("private parts"), leftOut);

        // Only the family downloads it.
        assertEquals(403, worker.download(family + "/my-data/zip").status());
        assertEquals(404, People.signedIn(Role.UNINVOLVED_STAFF).download(family + "/my-data/zip").status());
    }

    @Test
    void a_family_members_copy_never_holds_what_another_invitee_told_the_chair_about_coming() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        UUID conference = UUID.fromString(fx.freshConferenceWithJess());
        UUID jessInvitee = UUID.fromString(Database.text("select cast(id as varchar) from conference_invitee"
                + " where conference_id = ? and family_member_id = ?", conference, UUID.fromString(fx.jess)));
        Database.update("update conference_invitee set access_needs = ?, cant_come_reason = ? where id = ?",
                "Jess needs " + mark, "Jess cannot " + mark, jessInvitee);
        // Another person invited to the same meeting, who told the chair something private about coming.
        UUID teacher = UUID.randomUUID();
        assertEquals(1, Database.update("insert into conference_invitee (id, conference_id, role, staff_member_id, cant_come_reason,"
                + " access_needs, interpreter_language, opened_at) select ?, ?, 'AGENCY_STAFF', id, ?, ?, ?, ? from staff_member"
                + " where username = 'teacher'", teacher, conference, "Away from my ex-partner " + mark, "A separate room " + mark,
                "Polish " + mark, OffsetDateTime.now()));

        var zip = zip(jess);
        String text = new String(zip.get("my-family-data.json"), StandardCharsets.UTF_8);
        JsonObject tables = parse(zip.get("my-family-data.json")).getJsonObject("tables");

        for (String absent : new String[] {"Away from my ex-partner " + mark, "A separate room " + mark, "Polish " + mark}) {
            assertFalse(text.contains(absent), "Jess's copy holds another invitee's \"" + absent + "\"");
        }
        var teachersRow = row(tables, "conference_invitee", "id", teacher.toString());
        assertFalse(teachersRow.containsKey("opened_at"), "when another invitee opened their invitation: " + teachersRow);
        // Her own answers stay in her copy.
        var jessRow = row(tables, "conference_invitee", "id", jessInvitee.toString());
        assertEquals("Jess needs " + mark, jessRow.getString("access_needs"));
        assertEquals("Jess cannot " + mark, jessRow.getString("cant_come_reason"));
    }

    @Test
    void thirty_stalled_downloads_of_everything_held_leave_the_server_answering_everyone_else_within_a_second() throws Exception {
        bigReportsSharedWithTheFamily();
        int stalled = 32; // more than the datasource's 30 connections (configure-datasource.cli) and its 32 worker threads
        var pool = Executors.newFixedThreadPool(stalled);
        var downloads = new ArrayList<StalledDownload>();
        try {
            var started = new ArrayList<Future<StalledDownload>>();
            for (int i = 0; i < stalled; i++) {
                started.add(pool.submit(() -> new StalledDownload(jess)));
            }
            for (var each : started) {
                downloads.add(each.get(90, TimeUnit.SECONDS));
            }
            long streaming = downloads.stream().filter(d -> d.status == 200).count();
            assertTrue(streaming >= 1 && streaming <= 2, "a family has at most two downloads under way, and has one: " + streaming);
            for (var refused : downloads.stream().filter(d -> d.status != 200).toList()) {
                assertEquals(429, refused.status, refused::toString);
                assertTrue(refused.header("content-type").startsWith("application/problem+json"), refused::toString);
                assertTrue(Integer.parseInt(refused.header("retry-after")) > 0, refused::toString);
            }
            // The downloads under way hold no database connection while their reader stalls.
            assertEquals(0, Database.count("""
                    select count(*) from pg_stat_activity where state like 'idle in transaction%' and query like '%from conference_report r%'"""),
                    "a stalled download keeps a transaction open");

            ApiClient chair = People.signedIn(Role.CHAIR);
            ApiClient anna = People.signedIn(Role.OTHER_FAMILY_MEMBER);
            String annasFamily = Database.text("select cast(family_id as varchar) from family_member where email = 'anna.novak@example.org'");
            var slow = new ArrayList<String>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                for (var request : List.<java.util.function.Supplier<ApiClient.Reply>>of(() -> chair.get(family),
                        () -> anna.get("/families/" + annasFamily), () -> jess.get(family + "/plan"))) {
                    long start = System.nanoTime();
                    var reply = CompletableFuture.supplyAsync(request).completeOnTimeout(null, 1, TimeUnit.SECONDS).join();
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (reply == null || reply.status() != 200) {
                        slow.add((reply == null ? "no answer" : reply.status()) + " after " + millis + " ms");
                    }
                }
            }
            assertEquals(List.of(), slow, "while " + stalled + " downloads stalled, others were answered late or not at all");
        } finally {
            downloads.forEach(StalledDownload::close);
            pool.shutdownNow();
        }
        // Once the readers have gone, nothing is held: the family downloads again.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = jess.download(family + "/my-data/zip").status();
        } while (status != 200 && System.nanoTime() < until);
        assertEquals(200, status, "a download is refused after every reader went away");
    }

    @Test
    void the_server_lets_only_so_many_downloads_of_everything_held_run_at_once_and_says_when_to_try_again() throws Exception {
        bigReportsSharedWithTheFamily();
        ServerSettings.set("roundtable.export.at-once", "1");
        try (var first = downloadUnderWay()) {
            var download = People.signedIn(Role.OTHER_FAMILY_MEMBER).download("/families/"
                    + Database.text("select cast(family_id as varchar) from family_member where email = 'anna.novak@example.org'")
                    + "/my-data/zip");
            assertEquals(503, download.status(), "another family's download while the server's one is under way");
            assertTrue(download.contentType().startsWith("application/problem+json"), download.contentType());
            assertTrue(new String(download.bytes(), StandardCharsets.UTF_8).contains("try again"));
        } finally {
            ServerSettings.remove("roundtable.export.at-once");
        }
    }

    /** Jess's download, stalled once under way (a download another test just let go may take a moment to end). */
    private static StalledDownload downloadUnderWay() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            var download = new StalledDownload(jess);
            if (download.status == 200 || System.nanoTime() > until) {
                assertEquals(200, download.status, download::toString);
                return download;
            }
            download.close();
            Thread.sleep(200);
        }
    }

    private static boolean bigReports;

    /**
     * Two reports of 4 MB that do not compress, shared with the family: a download then far
     * outgrows what the network buffers hold, so a reader that stops reading stops the server's
     * writing. Unshared again after all the tests, so other classes' downloads stay small.
     */
    private static synchronized void bigReportsSharedWithTheFamily() throws IOException {
        if (bigReports) {
            return;
        }
        bigReports = true;
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        var random = new java.util.Random(7);
        for (int n = 1; n <= 2; n++) {
            // One conference each: an agency's new upload replaces its earlier one for the same conference.
            String reports = "/conferences/" + fx.freshConferenceWithJess() + "/reports";
            var image = new java.awt.image.BufferedImage(1150, 1150, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            byte[] pdf;
            try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
                var page = new PDPage();
                document.addPage(page);
                var picture = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, image);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                    content.drawImage(picture, 0, 0, 200, 200);
                }
                document.save(out);
                pdf = out.toByteArray();
            }
            var uploaded = worker.postBytes(reports + "?fileName=Photographs%20" + n + ".pdf", "application/pdf", pdf);
            assertEquals(201, uploaded.status(), uploaded::toString);
            String id = uploaded.json().getString("id");
            bigReportIds.add(id);
            assertEquals(200, worker.post(reports + "/" + id + "/share", null).status());
        }
    }

    private static final List<String> bigReportIds = new ArrayList<>();

    @AfterAll
    static void bigReportsNoLongerShared() {
        for (String id : bigReportIds) {
            Database.update("update conference_report set shared_at = null where id = ?", UUID.fromString(id));
        }
    }

    /**
     * A download whose reader takes the answer's head and a few bytes, then stops reading, with
     * a small receive window: a slow phone, or someone holding the server on purpose.
     */
    private static final class StalledDownload implements AutoCloseable {
        final Socket socket = new Socket();
        final int status;
        final Map<String, String> headers = new HashMap<>();

        StalledDownload(ApiClient who) throws IOException {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", ApiClient.BASE.getPort()), 5000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /api" + family + "/my-data/zip HTTP/1.1\r\nHost: localhost:8080\r\n"
                    + "Accept: application/zip, application/json\r\nCookie: RT_SESSION=" + who.cookie("RT_SESSION") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the server closed the connection before answering: " + head);
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            status = Integer.parseInt(lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            if (status == 200) {
                in.readNBytes(64);
            }
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        @Override
        public String toString() {
            return status + " " + headers;
        }
    }

    private static Map<String, byte[]> zip(ApiClient who) throws IOException {
        var download = who.download(family + "/my-data/zip");
        assertEquals(200, download.status());
        assertEquals("application/zip", download.contentType().split(";")[0]);
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(download.bytes()), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertTrue(entries.containsKey("my-family-data.json") && entries.containsKey("my-family-data.pdf"), entries.keySet().toString());
        return entries;
    }

    private static JsonObject parse(byte[] bytes) {
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** The one exported row of table whose column holds value. */
    private static JsonObject row(JsonObject tables, String table, String column, String value) {
        var rows = tables.getJsonArray(table).stream().map(v -> v.asJsonObject())
                .filter(r -> r.containsKey(column) && !r.isNull(column) && value.equals(r.getString(column))).toList();
        assertEquals(1, rows.size(), table + " has one row with " + column + " = " + value);
        return rows.get(0);
    }

    private static byte[] pdf(String title) throws IOException {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setTitle(title);
            document.save(out);
            return out.toByteArray();
        }
    }
}
