package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.shared.plan.PlanField;

/**
 * The live room when someone sends what they should not, or loses access while typing: one
 * participant can never hurt another room, and a removal is in force when the call returns.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class LiveFaultsIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    private static String createGoal(String title, long base) {
        return "{\"type\":\"submit\",\"changeId\":\"" + UUID.randomUUID() + "\",\"baseRevision\":" + base
                + ",\"ops\":[{\"op\":\"createGoal\",\"id\":\"" + UUID.randomUUID() + "\",\"position\":\"zz\",\"title\":\"" + title + "\"}]}";
    }

    private static Set<String> goalTitles() {
        var titles = ConcurrentHashMap.<String>newKeySet();
        fx.chair.get("/families/" + fx.taylors + "/plan").json().getJsonArray("goals")
                .forEach(g -> titles.add(g.asJsonObject().getString("title")));
        return titles;
    }

    /**
     * Someone types as fast as they may while their access is taken away: every goal they send
     * after the call that took it away has returned must be missing from the plan.
     */
    /** Takes access away; may throw (then the test fails). */
    private interface Revocation {
        void run() throws Exception;
    }

    private static void noSubmitAfterTheCallReturnsIsApplied(LiveClient typist, Revocation revoke) throws Exception {
        long base = typist.hello().getJsonNumber("revision").longValue();
        String run = UUID.randomUUID().toString().substring(0, 8);
        var revoked = new AtomicBoolean();
        var sentAfter = ConcurrentHashMap.<String>newKeySet();
        var pool = Executors.newSingleThreadExecutor();
        Future<?> typing = pool.submit(() -> {
            int burst = 0;
            for (int i = 0; i < 60 && typist.isOpen(); i++) {
                boolean after = revoked.get();
                String title = "typed-" + run + "-" + i + (after ? "-after" : "-before");
                try {
                    typist.sendRaw(createGoal(title, base));
                } catch (RuntimeException closed) {
                    return;
                }
                if (after) {
                    sentAfter.add(title);
                }
                if (after && burst++ < 20) {
                    // Right after the call returns, as fast as the socket takes them: that is when
                    // a check still under way elsewhere would let one through.
                    continue;
                }
                try {
                    Thread.sleep(40); // 25 a second: under the rate limit
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(600);
        revoke.run();
        revoked.set(true);
        typing.get();
        pool.shutdown();
        assertTrue(typist.closedWithin(2).isPresent(), "the connection was closed");
        Set<String> titles = goalTitles();
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("typed-" + run) && t.endsWith("-before")), "typing worked before");
        for (String title : sentAfter) {
            assertFalse(titles.contains(title), title + " was sent after access was removed, and applied");
        }
    }

    @Test
    void no_submit_sent_after_removing_an_invitee_has_returned_is_applied() throws Exception {
        String conference = fx.freshConference();
        var advocates = fx.chair.get("/families/" + fx.taylors + "/advocates").structure().asJsonArray();
        String advocateId = advocates.getJsonObject(0).getString("advocateId");
        var view = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "ADVOCATE", "advocateId", advocateId)).json();
        String invitee = DemoFixture.idWhere(view, "invitees", "name", "Dee Walker");
        LiveClient advocate = LiveClient.connect(People.signedIn(Role.ADVOCATE), conference);
        noSubmitAfterTheCallReturnsIsApplied(advocate,
                () -> assertEquals(200, fx.chair.delete("/conferences/" + conference + "/invitees/" + invitee).status()));
    }

    /**
     * The race made wide: the check of the removed person's connection is slow (the database is
     * busy: another transaction holds their session row, which the check must write, for a
     * second), and they keep typing meanwhile. A connection marked "checked" before its check
     * had finished let every message of that second through.
     */
    @Test
    void no_submit_sent_after_removing_an_invitee_has_returned_is_applied_even_while_their_check_is_slow() throws Exception {
        String conference = fx.freshConference();
        var advocates = fx.chair.get("/families/" + fx.taylors + "/advocates").structure().asJsonArray();
        String advocateId = advocates.getJsonObject(0).getString("advocateId");
        var view = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "ADVOCATE", "advocateId", advocateId)).json();
        String invitee = DemoFixture.idWhere(view, "invitees", "name", "Dee Walker");
        ApiClient person = People.signedIn(Role.ADVOCATE);
        LiveClient advocate = LiveClient.connect(person, conference);
        var release = Executors.newSingleThreadScheduledExecutor();
        try {
            noSubmitAfterTheCallReturnsIsApplied(advocate, () -> {
                AutoCloseable held = holdSessionRow(person.cookie("RT_SESSION"));
                release.schedule(() -> {
                    held.close();
                    return null;
                }, 1, TimeUnit.SECONDS);
                assertEquals(200, fx.chair.delete("/conferences/" + conference + "/invitees/" + invitee).status());
            });
        } finally {
            release.shutdown();
            release.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Makes the next check of a session slow: it was last seen minutes ago, so checking it writes
     * its row, and another transaction holds that row until closed.
     */
    private static AutoCloseable holdSessionRow(String sessionToken) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sessionToken.getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, Database.update("update user_session set last_seen_at = last_seen_at - interval '5 minutes' where token_hash = ?", hash));
            Connection holder = Database.connect();
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select id from user_session where token_hash = ? for update")) {
                lock.setString(1, hash);
                lock.executeQuery().close();
            }
            return () -> {
                holder.rollback();
                holder.close();
            };
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void no_submit_sent_after_signing_out_has_returned_is_applied() throws Exception {
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        LiveClient live = LiveClient.connect(worker, fx.conference);
        noSubmitAfterTheCallReturnsIsApplied(live, () -> assertEquals(204, worker.post("/auth/sign-out", null).status()));
    }

    /** Issue 10, finding 2: a title over its column was acknowledged, then failed the group commit and closed rooms. */
    @Test
    void a_title_longer_than_its_column_is_refused_and_every_room_stays_open() {
        try (LiveClient typist = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
                LiveClient bystander = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            long base = typist.hello().getJsonNumber("revision").longValue();
            bystander.hello();
            typist.sendRaw(createGoal("t".repeat(501), base));
            JsonObject error = typist.next("error");
            assertEquals("invalid", error.getString("code"));
            typist.sendRaw(createGoal("nul \\u0000", base));
            assertEquals("invalid", typist.next("error").getString("code"));
            String fine = fx.unique("A goal that fits");
            typist.sendRaw(createGoal(fine, base));
            bystander.nextMatching(m -> m.getString("type").equals("applied") && m.toString().contains(fine), 5);
            assertTrue(typist.isOpen() && bystander.isOpen(), "nobody's room was closed");
        }
    }

    /** Issue 10, finding 4: a bystander was left with x\ud83d?y while the server had x😁y. */
    @Test
    void an_emoji_changed_one_code_unit_at_a_time_is_the_same_on_every_copy_and_half_of_one_is_refused() {
        try (LiveClient typist = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
                LiveClient bystander = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            typist.hello();
            bystander.hello();
            String goal = UUID.randomUUID().toString();
            // JSON escapes: what a client sends for half a pair, which no UTF-8 frame can carry raw.
            typist.sendRaw("{\"type\":\"submit\",\"changeId\":\"" + UUID.randomUUID() + "\",\"baseRevision\":" + typist.replica.revision()
                    + ",\"ops\":[{\"op\":\"createGoal\",\"id\":\"" + goal + "\",\"position\":\"zz\",\"title\":\"x\\ud83d\\ude00y\"}]}");
            JsonObject created = typist.nextMatching(m -> m.getString("type").equals("applied") && m.toString().contains(goal), 5);
            long revision = created.getJsonNumber("revision").longValue();
            typist.sendRaw("{\"type\":\"submit\",\"changeId\":\"" + UUID.randomUUID() + "\",\"baseRevision\":" + revision
                    + ",\"ops\":[{\"op\":\"edit\",\"id\":\"" + goal + "\",\"field\":\"TITLE\",\"text\":[2,\"\\ude01\",-1,1]}]}");
            bystander.nextMatching(m -> m.getString("type").equals("applied") && m.getJsonNumber("revision").longValue() == revision + 1, 5);
            String grin = "x\ud83d\ude01y";
            assertEquals(grin, bystander.plan().node(goal).orElseThrow().get(PlanField.TITLE), "the bystander's copy");
            try (LiveClient fresh = LiveClient.connect(People.signedIn(Role.CHAIR), fx.conference)) {
                fresh.hello();
                assertEquals(grin, fresh.plan().node(goal).orElseThrow().get(PlanField.TITLE), "a fresh welcome");
            }
            assertTrue(goalTitles().contains(grin), "the stored plan");
            // Deleting only the low half would leave half a character.
            typist.sendRaw("{\"type\":\"submit\",\"changeId\":\"" + UUID.randomUUID() + "\",\"baseRevision\":" + (revision + 1)
                    + ",\"ops\":[{\"op\":\"edit\",\"id\":\"" + goal + "\",\"field\":\"TITLE\",\"text\":[2,-1,1]}]}");
            assertEquals("invalid", typist.next("error").getString("code"));
            assertEquals(grin, bystander.plan().node(goal).orElseThrow().get(PlanField.TITLE));
        }
    }

    private static String createGoal(String changeId, String goalId, String title, long base) {
        return "{\"type\":\"submit\",\"changeId\":\"" + changeId + "\",\"baseRevision\":" + base
                + ",\"ops\":[{\"op\":\"createGoal\",\"id\":\"" + goalId + "\",\"position\":\"zz\",\"title\":\"" + title + "\"}]}";
    }

    /**
     * Issue 10: a change id used again after it left the 1,024 the server remembers was taken,
     * then refused by the database's unique key, and the plan was read again for everyone.
     */
    @Test
    void a_change_id_used_again_long_after_is_refused_to_its_sender_and_disturbs_nobody() {
        try (LiveClient typist = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
                LiveClient bystander = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            long base = typist.hello().getJsonNumber("revision").longValue();
            bystander.hello();
            String reused = "c-" + UUID.randomUUID();
            String goal = UUID.randomUUID().toString();
            typist.sendRaw(createGoal(reused, goal, "First use of a change id", base));
            long firstUse = typist.nextMatching(m -> m.getString("type").equals("applied") && reused.equals(m.getString("changeId")), 5)
                    .getJsonNumber("revision").longValue();
            long revision = 0;
            for (int i = 0; i < 1030; i++) {
                var edited = fx.chair.put("/families/" + fx.taylors + "/plan/goals/" + goal, json("title", "Edited " + i, "description", ""));
                assertEquals(200, edited.status(), edited::toString);
                revision = edited.json().getJsonNumber("revision").longValue();
            }
            String second = UUID.randomUUID().toString();
            typist.sendRaw(createGoal(reused, second, "Second use of the same change id", revision));
            JsonObject error = typist.next("error");
            assertEquals("duplicate-change", error.getString("code"));
            assertEquals(reused, error.getString("ref"));
            // Nobody was disturbed: both are still in the room, and the next change is the next revision.
            String next = "c-" + UUID.randomUUID();
            bystander.sendRaw(createGoal(next, UUID.randomUUID().toString(), "After the refused one", revision));
            long after = revision;
            JsonObject applied = typist.nextMatching(m -> m.getString("type").equals("applied") && next.equals(m.getString("changeId")), 10);
            assertEquals(after + 1, applied.getJsonNumber("revision").longValue(), "nothing of the refused change was applied");
            assertTrue(typist.isOpen() && bystander.isOpen(), "nobody's room was closed");
            assertFalse(goalTitles().contains("Second use of the same change id"), "the stored plan");
            // A client coming back with that change still pending is told it was applied, however long ago (rule 4).
            try (LiveClient again = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
                again.sendRaw("{\"type\":\"hello\",\"v\":1,\"pending\":[\"" + reused + "\"]}");
                assertEquals(firstUse, again.next("welcome").getJsonObject("applied").getJsonNumber(reused).longValue());
            }
        }
    }

    /** The status line's code of a WebSocket upgrade to the live room, with this Origin (null: none sent). */
    private static int upgradeStatus(String origin, String sessionToken) throws IOException {
        URI base = ApiClient.BASE;
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            String request = "GET /live/conferences/" + fx.conference + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Cookie: RT_SESSION=" + sessionToken + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /**
     * Another site's page cannot open the live room with the visitor's cookie (docs/protocol.md,
     * Connecting): its upgrade is refused, as is the null Origin of a sandboxed page; our own
     * pages, and clients that are not browsers (no Origin), get through to the session check.
     */
    @Test
    void a_live_connection_from_another_sites_page_is_refused_at_the_handshake() throws IOException {
        String token = People.signedIn(Role.INVOLVED_STAFF).cookie("RT_SESSION");
        assertEquals(404, upgradeStatus("https://evil.example", token), "another site");
        assertEquals(404, upgradeStatus("null", token), "a sandboxed page");
        assertEquals(404, upgradeStatus(ApiClient.BASE.toString().replace("localhost", "127.0.0.1"), token), "our address written otherwise");
        assertEquals(101, upgradeStatus(ApiClient.BASE.toString(), token), "our own page");
        assertEquals(101, upgradeStatus(null, token), "a client that is not a browser");
    }

    @Test
    void a_due_date_after_2100_or_a_nul_character_is_refused_over_rest_as_well() {
        String action = fx.socialCareAction();
        var reply = fx.chair.put("/families/" + fx.taylors + "/plan/actions/" + action, json("description", "Weekly visit",
                "ownerKind", "AGENCY", "ownerId", fx.socialCare, "dueOn", "2999-01-01"));
        assertEquals(400, reply.status(), reply::toString);
        var tooLong = fx.chair.post("/families/" + fx.taylors + "/plan/goals", json("title", "ok", "description", "d\u0000"));
        assertEquals(400, tooLong.status(), tooLong::toString);
    }

    /** Characters of what the watcher was told about who is in the room, from message {@code from} on. */
    private static long roomChars(LiveClient watcher, int from) {
        return watcher.received.subList(from, watcher.received.size()).stream()
                .filter(m -> m.getString("type").equals("room") || m.getString("type").equals("presence"))
                .mapToLong(m -> m.toString().length()).sum();
    }

    /** Issue 10, finding 7: every join sent everyone the whole list, so a big room cost the square of its size. */
    @Test
    void in_a_room_of_300_joining_each_join_costs_the_others_the_same_few_bytes() {
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        String token = worker.cookie("RT_SESSION");
        var joined = new java.util.ArrayList<LiveClient>();
        try (LiveClient watcher = LiveClient.connect(fx.chair, fx.conference)) {
            watcher.hello();
            long[] perHundred = new long[3];
            for (int hundred = 0; hundred < 3; hundred++) {
                int from = watcher.received.size();
                for (int i = 0; i < 100; i++) {
                    // One person with many tabs open: each tab is someone more in the room.
                    LiveClient tab = LiveClient.connect(token, fx.conference, worker.base().toString(), worker.base());
                    tab.hello();
                    joined.add(tab);
                }
                int expected = joined.size();
                watcher.nextMatching(m -> watcher.received.stream().filter(r -> r.getString("type").equals("presence")
                        && !r.isNull("participant")).count() >= expected, 20);
                perHundred[hundred] = roomChars(watcher, from);
            }
            assertTrue(perHundred[2] < perHundred[0] * 3 / 2, "the third hundred joins cost " + perHundred[2]
                    + " characters, the first " + perHundred[0]);
            assertTrue(perHundred[2] < 100 * 1000, "each join costs under 1,000 characters: " + perHundred[2] / 100);
        } finally {
            joined.forEach(LiveClient::close);
        }
    }

    /** Characters of what the watcher was told about the room's hands, whole or as a change, from message {@code from} on. */
    private static long handChars(LiveClient watcher, int from) {
        return watcher.received.subList(from, watcher.received.size()).stream()
                .filter(m -> m.getString("type").equals("room") || m.getString("type").equals("hand"))
                .mapToLong(m -> m.toString().length()).sum();
    }

    private static long charsForAHandRaisedAndLowered(LiveClient raiser, LiveClient watcher) {
        String who = raiser.welcome.getJsonObject("you").getString("participantId");
        int from = watcher.received.size();
        raiser.send(Json.createObjectBuilder().add("type", "raiseHand").build());
        watcher.nextMatching(m -> m.getString("type").equals("hand") && who.equals(m.getString("participantId")) && m.getBoolean("raised"), 10);
        raiser.send(Json.createObjectBuilder().add("type", "lowerHand").build());
        watcher.nextMatching(m -> m.getString("type").equals("hand") && who.equals(m.getString("participantId")) && !m.getBoolean("raised"), 10);
        return handChars(watcher, from);
    }

    /** Issue 10: a raised hand sent everyone the whole room, so in a big room each hand cost every watcher the whole list. */
    @Test
    void a_hand_raised_in_a_room_of_100_costs_a_watcher_the_same_few_bytes_as_in_a_room_of_2() {
        ApiClient worker = People.signedIn(Role.INVOLVED_STAFF);
        String token = worker.cookie("RT_SESSION");
        var tabs = new java.util.ArrayList<LiveClient>();
        try (LiveClient watcher = LiveClient.connect(fx.chair, fx.conference);
                LiveClient raiser = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            watcher.helloTakingRoomChanges();
            raiser.hello();
            long small = charsForAHandRaisedAndLowered(raiser, watcher);
            int present = watcher.welcome.getJsonObject("room").getJsonArray("participants").size();
            for (int i = 0; i < 100; i++) {
                LiveClient tab = LiveClient.connect(token, fx.conference, worker.base().toString(), worker.base());
                tab.hello();
                tabs.add(tab);
            }
            watcher.nextMatching(m -> watcher.received.stream().filter(r -> r.getString("type").equals("presence")
                    && !r.isNull("participant")).count() >= 100, 20);
            long big = charsForAHandRaisedAndLowered(raiser, watcher);
            assertEquals(small, big, "a hand up and down, beside " + present + " and then 100 more");
            assertTrue(big < 200, "a hand up and down costs under 200 characters: " + big);
            // A client that did not ask for changes (1.1) is still sent the whole room.
            JsonObject room = tabs.get(0).nextMatching(m -> m.getString("type").equals("room"), 10);
            assertTrue(room.getJsonArray("participants").size() > 100, "a 1.1 client gets the whole room");
        } finally {
            tabs.forEach(LiveClient::close);
        }
    }

    /** Issue 10, finding 5: 64 MiB frames were read whole before being answered too-large, and 256 MiB ones ran the server out of memory. */
    @Test
    void a_message_far_over_the_limit_is_refused_as_it_arrives_not_read_whole() throws IOException {
        LiveClient whole = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
        whole.hello();
        try {
            whole.sendRaw("{\"type\":\"ping\",\"x\":\"" + "x".repeat(1024 * 1024) + "\"}");
        } catch (RuntimeException refused) {
            // the server may close the connection before the client has finished sending: that is the point
        }
        var reason = whole.closedWithin(5).orElseThrow(() -> new AssertionError("a 1 MiB frame was read: " + whole.receivedOfType("error")));
        assertEquals(1009, reason.getCloseCode().getCode());
        assertTrue(whole.receivedOfType("error").isEmpty(), "refused as it arrived, not read and answered");

        // 256 MiB in 64 KiB fragments: the server must stop reading long before the end.
        LiveClient streaming = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
        streaming.hello();
        var heap = new ServerHeap();
        long before = heap.oldGenerationAfterGc();
        String chunk = "x".repeat(64 * 1024);
        long sent = 0;
        try {
            streaming.sendPart("{\"type\":\"ping\",\"x\":\"", false);
            while (sent < 256L * 1024 * 1024 && streaming.isOpen()) {
                streaming.sendPart(chunk, false);
                sent += chunk.length();
            }
        } catch (RuntimeException refused) {
            // the server closed the connection while we were still sending: what we want
        }
        var closed = streaming.closedWithin(5).orElseThrow(() -> new AssertionError("256 MiB were taken in"));
        assertEquals(1009, closed.getCloseCode().getCode());
        assertTrue(sent < 32L * 1024 * 1024, "the server stopped reading after " + sent / (1024 * 1024) + " MiB");
        // What the server may hold of a message is 98,304 characters (under 1 MiB with its
        // buffers); 16 MiB leaves room for what other work promotes meanwhile, and is a sixteenth
        // of what reading the message whole would take (a buffer that large goes straight to the
        // old generation, so its peak would show it even if it was let go at once).
        long grown = heap.oldGenerationPeak() - before;
        heap.close();
        assertTrue(grown < 16L * 1024 * 1024, "the server's old generation grew by " + grown / (1024 * 1024) + " MiB while it was sent");
    }

    /** Issue 10, finding 8: after a whole plan, a client could not tell whether its unacknowledged change had been applied. */
    @Test
    void a_client_sent_the_whole_plan_is_told_which_of_its_pending_changes_were_applied() {
        String changeId = "c-" + UUID.randomUUID();
        long revision;
        try (LiveClient typist = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            long base = typist.hello().getJsonNumber("revision").longValue();
            typist.sendRaw("{\"type\":\"submit\",\"changeId\":\"" + changeId + "\",\"baseRevision\":" + base
                    + ",\"ops\":[{\"op\":\"createGoal\",\"id\":\"" + UUID.randomUUID() + "\",\"position\":\"zz\",\"title\":\"Sent, then the line dropped\"}]}");
            revision = typist.nextMatching(m -> m.getString("type").equals("applied") && changeId.equals(m.getString("changeId")), 5)
                    .getJsonNumber("revision").longValue();
        }
        try (LiveClient again = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            again.sendRaw("{\"type\":\"hello\",\"v\":1,\"pending\":[\"" + changeId + "\",\"never-sent\"]}");
            JsonObject welcome = again.next("welcome");
            assertTrue(welcome.containsKey("plan"), "no revision given: the whole plan");
            assertEquals(revision, welcome.getJsonObject("applied").getJsonNumber(changeId).longValue());
            assertFalse(welcome.getJsonObject("applied").containsKey("never-sent"));
        }
    }
}
