package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private static void noSubmitAfterTheCallReturnsIsApplied(LiveClient typist, Runnable revoke) throws Exception {
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

    /** Issue 10, finding 5: 64 MiB frames were read whole before being answered too-large, and 256 MiB ones ran the server out of memory. */
    @Test
    void a_message_far_over_the_limit_is_refused_as_it_arrives_not_read_whole() {
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
