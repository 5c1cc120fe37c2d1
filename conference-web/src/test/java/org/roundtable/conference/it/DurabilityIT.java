package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextOperation;

/**
 * The promise behind every acknowledgement: a change the room confirmed is on disk. Two people
 * in each of three families' plans type as fast as the server confirms, so group commits of many
 * changes of several plans are in flight; the server is killed with SIGKILL in the middle; after
 * a restart every confirmed word is in its plan exactly once, no plan went back in revisions, and
 * the hash chain is intact. On PostgreSQL, and on the embedded H2 file the demo runs on.
 */
class DurabilityIT {

    private static final int PLANS = 3;
    private static final int TYPISTS_PER_PLAN = 2;
    /** Words per typist at most: with words of 4 or 5 characters, the description stays within its 4,000. */
    private static final int MAX_WORDS = 350;
    /** An acknowledgement may take this long; one that took longer before the kill is a failure, not a casualty. */
    private static final long ACK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One person typing into one plan: what they sent, and what the server confirmed. */
    private record Typist(String family, String goal, LiveClient live, char tag, Set<String> acknowledged) {
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"PostgreSQL", "the demo's embedded H2 file"})
    void every_acknowledged_edit_of_every_plan_survives_kill_9_exactly_once(String database) throws Exception {
        assertTrue(StandaloneServer.available(), "the provisioned server is needed: build wildfly-config first");
        try (var server = new StandaloneServer(100, "512m", database.contains("H2"))) {
            server.start();
            var worker = People.staff(new ApiClient(server.address()), "social.worker", People.DEMO_PASSWORD);
            var chair = People.staff(new ApiClient(server.address()), "chair", People.DEMO_PASSWORD);
            List<Typist> typists = new ArrayList<>();
            Map<String, String> conferences = new HashMap<>();
            char tag = 'a';
            for (int p = 0; p < PLANS; p++) {
                String family = worker.post("/families", json("name", "Durability family " + p)).json().getString("id");
                String conference = chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP",
                        "scheduledStart", "2031-03-0" + (p + 1) + "T10:00:00Z")).json().getString("id");
                conferences.put(family, conference);
                String goal = UUID.randomUUID().toString();
                for (int t = 0; t < TYPISTS_PER_PLAN; t++) {
                    LiveClient live = LiveClient.connect(chair, conference);
                    live.hello();
                    if (t == 0) {
                        live.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "Typed under fire"));
                        live.settle();
                    } else if (live.plan().node(goal).isEmpty()) {
                        live.nextMatching(m -> live.plan().node(goal).isPresent(), 5);
                    }
                    typists.add(new Typist(family, goal, live, tag++, ConcurrentHashMap.newKeySet()));
                }
            }

            var killed = new CompletableFuture<Long>();
            ExecutorService pool = Executors.newFixedThreadPool(typists.size());
            List<Future<?>> typing = new ArrayList<>();
            for (Typist typist : typists) {
                typing.add(pool.submit(() -> type(typist, killed)));
            }
            Thread.sleep(1200);
            server.kill();
            killed.complete(System.nanoTime());
            for (Future<?> f : typing) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Map<String, Long> lastAcknowledged = new HashMap<>();
            for (Typist typist : typists) {
                assertTrue(typist.acknowledged().size() > 5, "typist " + typist.tag() + " made some edits before the kill");
                lastAcknowledged.merge(typist.family(), typist.live().replica.revision(), Math::max);
            }
            System.out.println(database + ": acknowledged before the kill: "
                    + typists.stream().mapToInt(t -> t.acknowledged().size()).sum());

            server.start();
            var after = People.staff(new ApiClient(server.address()), "social.worker", People.DEMO_PASSWORD);
            for (int p = 0; p < PLANS; p++) {
                Typist first = typists.get(p * TYPISTS_PER_PLAN);
                var plan = after.get("/families/" + first.family() + "/plan").json();
                assertTrue(plan.getJsonNumber("revision").longValue() >= lastAcknowledged.get(first.family()),
                        "the plan's revision went back from " + lastAcknowledged.get(first.family()) + " to " + plan.get("revision"));
                String stored = plan.getJsonArray("goals").getJsonObject(0).getString("description", "");
                Map<String, Integer> count = new HashMap<>();
                for (String word : stored.split("\\|")) {
                    if (!word.isEmpty()) {
                        count.merge(word, 1, Integer::sum);
                    }
                }
                count.forEach((word, n) -> assertEquals(1, n, word + " is stored " + n + " times"));
                for (int t = 0; t < TYPISTS_PER_PLAN; t++) {
                    for (String word : typists.get(p * TYPISTS_PER_PLAN + t).acknowledged()) {
                        assertEquals(1, count.getOrDefault(word, 0), "acknowledged " + word + " was lost; stored: " + stored);
                    }
                }
            }

            // The plans' hash chains carry on across the crash: edits after the restart link to those before it.
            Typist first = typists.get(0);
            try (LiveClient again = LiveClient.connect(People.staff(new ApiClient(server.address()), "chair", People.DEMO_PASSWORD),
                    conferences.get(first.family()))) {
                again.hello();
                String text = again.plan().node(first.goal()).orElseThrow().get(PlanField.DESCRIPTION);
                again.edit(new PlanOperation.EditText(first.goal(), PlanField.DESCRIPTION,
                        TextOperation.insertAt(text.length(), text.length(), "after|")));
                again.settle();
            }
            var admin = People.staff(new ApiClient(server.address()), "admin", People.DEMO_PASSWORD);
            var verification = admin.get("/admin/audit/verification").json();
            assertTrue(verification.getBoolean("intact"), verification::toString);
        }
    }

    /**
     * Types words until the server is gone. A word counts as acknowledged only when its change
     * comes back applied; an acknowledgement that does not come while the server is alive (or
     * that was already overdue when it was killed) fails the test.
     */
    private static void type(Typist typist, CompletableFuture<Long> killed) {
        LiveClient live = typist.live();
        var sentAt = new AtomicLong();
        for (int i = 0; i < MAX_WORDS && !killed.isDone(); i++) {
            String word = typist.tag() + Integer.toString(i, 36);
            String text = live.plan().node(typist.goal()).orElseThrow().get(PlanField.DESCRIPTION);
            sentAt.set(System.nanoTime());
            try {
                live.edit(new PlanOperation.EditText(typist.goal(), PlanField.DESCRIPTION,
                        TextOperation.insertAt(text.length(), text.length(), word + "|")));
                live.nextMatching(m -> m.getString("type").equals("applied") && !live.replica.hasUnconfirmed(), 5);
            } catch (RuntimeException | AssertionError gone) {
                if (!killed.isDone()) {
                    throw new AssertionError("no acknowledgement for " + word + " while the server was running", gone);
                }
                if (killed.join() - sentAt.get() > ACK_NANOS) {
                    throw new AssertionError("the acknowledgement of " + word + " was overdue before the kill", gone);
                }
                return;
            }
            typist.acknowledged().add(word);
        }
    }
}
