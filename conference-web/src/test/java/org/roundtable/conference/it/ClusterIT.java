package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.it.ApiClient.Reply;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextOperation;

/**
 * What holds on two nodes of the HA server (docs/cluster.md): two WildFly nodes (wildfly-config's
 * target/server-ha, port offsets 500 and 600, JGroups on loopback, each node finding the other
 * through the one test PostgreSQL with JDBC_PING; TCPPING is checked by
 * wildfly-config/two-nodes.sh --check) against that PostgreSQL, with HAProxy in front, round
 * robin and no stickiness. One room may have people on both nodes: each plan has one owner node,
 * the other forwards to it and follows its changes. One test kills a plan's owner node with
 * SIGKILL and starts it again afterwards.
 */
class ClusterIT {

    private static final int OFFSET_A = 500;
    private static final int OFFSET_B = 600;
    /**
     * What the node that joins second logs: the view it joined, which every member agrees on,
     * with both nodes in it (node-a first or node-b first, whichever started its channel first);
     * or, had both started alone at the same instant, Infinispan's word that the other joined.
     */
    private static final Pattern VIEW_OF_BOTH = Pattern.compile(
            "WFLYCLJG0033: Connected 'ee' channel\\. '\\S+' joined cluster '\\S+' with view: \\S+ \\(2\\) \\[node-[ab]\\S*, node-[ab]\\S*\\]"
            + "|ISPN100000: Node node-[ab] joined the cluster|MERGED cluster view");

    private static StandaloneServer nodeA;
    private static StandaloneServer nodeB;
    private static Balancer balancer;

    @BeforeAll
    static void twoNodesAndABalancer() throws Exception {
        assertTrue(new java.io.File(System.getProperty("roundtable.ha.home"), "bin/standalone.sh").canExecute(),
                "the HA server is needed: build wildfly-config first");
        assertTrue(Balancer.available(), "HAProxy is needed: apt-get install haproxy (.ci/run does)");
        URI front = URI.create("http://localhost:8490");
        // Only one node makes the demo data (it counts agencies, then writes); both migrate the schema.
        nodeA = StandaloneServer.clusterNodeFoundThroughTheDatabase("node-a", OFFSET_A, true).behind(front);
        nodeB = StandaloneServer.clusterNodeFoundThroughTheDatabase("node-b", OFFSET_B, false).behind(front);
        // One after the other, as wildfly-config/two-nodes.sh and an operator's rolling start do: node B
        // joins a running cluster. (Booting both at the same instant once hung node B's deployment in CI,
        // cause not yet known; StandaloneServer now keeps the threads of a boot that hangs.)
        // Should the run be cut short, the nodes and HAProxy still go.
        Runtime.getRuntime().addShutdownHook(new Thread(ClusterIT::stopEverything));
        nodeA.start();
        nodeB.start();
        balancer = new Balancer(front.getPort(), List.of(nodeA.address(), nodeB.address()));
        balancer.start();
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable running : new AutoCloseable[] {balancer, nodeA, nodeB}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // Stop the others all the same.
            }
        }
    }

    @Test
    void the_two_nodes_see_each_other_as_one_cluster() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!VIEW_OF_BOTH.matcher(nodeA.console() + nodeB.console()).find()) {
            assertTrue(System.nanoTime() < deadline, "no cluster view of both nodes within a minute; see the nodes' console.log");
            Thread.sleep(250);
        }
    }

    @Test
    void a_node_joining_the_cluster_finds_the_schema_migrated_and_applies_nothing_twice() {
        assertEquals(0, Database.count("select count(*) from flyway_schema_history where not success"), "no failed migration");
        assertEquals(Database.count("select count(distinct version) from flyway_schema_history where version is not null"),
                Database.count("select count(version) from flyway_schema_history"), "each migration applied once");
        assertTrue(nodeB.console().contains("(0 migrations applied now)"),
                "the node that joined second found the schema already migrated and applied nothing");
    }

    @Test
    void a_person_signed_in_through_one_node_is_recognised_on_the_other() {
        var onA = People.staff(new ApiClient(nodeA.address()), "social.worker", People.DEMO_PASSWORD);
        String session = onA.cookie("RT_SESSION");
        var me = get(nodeB.address(), "/api/auth/me", session);
        assertEquals(200, me.statusCode(), me::body);
        assertTrue(me.body().contains("social.worker") || me.body().contains("Sam Okafor"), me.body());

        Reply out = onA.post("/auth/sign-out", null);
        assertTrue(out.status() < 300, out::toString);
        assertEquals(401, get(nodeB.address(), "/api/auth/me", session).statusCode(), "node B no longer knows the session");
    }

    @Test
    void a_sign_out_on_one_node_closes_that_persons_live_socket_on_the_other_within_one_second() {
        var chair = People.staff(new ApiClient(nodeA.address()), "chair", People.DEMO_PASSWORD);
        String conference = freshConference(chair);
        try (var onB = LiveClient.connect(chair.cookie("RT_SESSION"), conference, nodeB.address().toString(), nodeB.address())) {
            onB.hello();
            Reply out = chair.post("/auth/sign-out", null);
            assertTrue(out.status() < 300, out::toString);
            var closed = onB.closedWithin(1);
            assertTrue(closed.isPresent(), "the socket on node B was still open a second after signing out on node A");
            assertEquals(4401, closed.get().getCloseCode().getCode(), closed.get()::toString);
        }
    }

    @Test
    void an_override_made_on_one_node_shares_the_familys_contacts_on_the_other_within_one_second() {
        var workerOnA = People.staff(new ApiClient(nodeA.address()), "social.worker", People.DEMO_PASSWORD);
        String family = "/families/" + workerOnA.post("/families", json("name", "Cluster sharing family " + UUID.randomUUID()))
                .json().getString("id");
        String health = Database.text("select id from agency where name = 'Riverside Health Visiting'");
        String visitor = Database.text("select id from staff_member where username = 'health.visitor'");
        Reply joined = workerOnA.post(family + "/involvements", json("agencyId", health, "leadPractitionerId", visitor,
                "startsOn", LocalDate.now(ClockProducer.LOCAL_ZONE).minusMonths(1).toString()));
        assertEquals(201, joined.status(), joined::toString);
        // The family keeps its contacts from health visiting (in the database: nobody of a new family can sign in).
        Database.update("insert into sharing_preference (family_id, agency_id, kind, preference, set_by_name, set_at) "
                + "values (?, ?, 'CONTACTS', 'DO_NOT_SHARE', 'ClusterIT', now())", UUID.fromString(family.substring(10)), UUID.fromString(health));

        var healthOnB = People.staff(new ApiClient(nodeB.address()), "health.visitor", People.DEMO_PASSWORD);
        Reply refused = healthOnB.get(family + "/contacts");
        assertEquals(403, refused.status(), "node B answers (and keeps the answer) that the contacts are not shared: " + refused);
        var healthOnA = People.staff(new ApiClient(nodeA.address()), "health.visitor", People.DEMO_PASSWORD);
        Reply override = healthOnA.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK",
                "reason", "The baby has lost weight", "reviewOn", LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(1).toString()));
        assertEquals(201, override.status(), override::toString);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int status;
        do {
            status = healthOnB.get(family + "/contacts").status();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "node B still refused a second after the override made on node A");
    }

    @Test
    void todays_reminders_go_once_when_both_nodes_run_them_at_the_same_moment() throws Exception {
        // A new family (the Taylors' plan belongs to the suite's own server, which writes it).
        var workerOnA = People.staff(new ApiClient(nodeA.address()), "social.worker", People.DEMO_PASSWORD);
        String family = "/families/" + workerOnA.post("/families", json("name", "Cluster reminders family " + UUID.randomUUID()))
                .json().getString("id");
        String socialCare = Database.text("select id from agency where name = 'Riverside Children''s Services'");
        String title = "Reminded once " + UUID.randomUUID();
        var plan = workerOnA.post(family + "/plan/goals", json("title", title)).json();
        String goal = DemoFixture.idWhere(plan, "goals", "title", title);
        Reply action = workerOnA.post(family + "/plan/goals/" + goal + "/actions", json("description", "Sam books the home visit",
                "ownerKind", "AGENCY", "ownerId", socialCare, "dueOn", LocalDate.now(ClockProducer.LOCAL_ZONE).minusDays(1).toString(),
                "status", "AGREED"));
        assertEquals(200, action.status(), action::toString);
        // The agency's actions go to its lead worker for the family: Sam, who opened it.
        String sam = Database.text("select email from staff_member where username = 'social.worker'");

        Database.update("delete from daily_job_run where job = 'action-reminders'");
        int before = Mailbox.count(sam, "of your actions");
        var adminA = People.staff(new ApiClient(nodeA.address()), "admin", People.DEMO_PASSWORD);
        var adminB = People.staff(new ApiClient(nodeB.address()), "admin", People.DEMO_PASSWORD);
        var bothAtOnce = new CountDownLatch(1);
        var onA = CompletableFuture.supplyAsync(() -> runReminders(adminA, bothAtOnce));
        var onB = CompletableFuture.supplyAsync(() -> runReminders(adminB, bothAtOnce));
        bothAtOnce.countDown();
        JsonObject a = onA.get(30, TimeUnit.SECONDS);
        JsonObject b = onB.get(30, TimeUnit.SECONDS);
        assertEquals(1, (a.getBoolean("ran") ? 1 : 0) + (b.getBoolean("ran") ? 1 : 0), "exactly one node sent them: " + a + " " + b);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Mailbox.count(sam, "of your actions") == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(before + 1, Mailbox.count(sam, "of your actions"), "Sam gets one reminder, not two");
    }

    @Test
    void requests_through_the_balancer_go_to_both_nodes_and_the_session_holds_on_each() {
        var before = balancer.requestsPerNode();
        var person = People.staff(new ApiClient(balancer.address()), "social.worker", People.DEMO_PASSWORD);
        for (int i = 0; i < 10; i++) {
            Reply me = person.get("/auth/me");
            assertEquals(200, me.status(), () -> "request " + me);
        }
        var after = balancer.requestsPerNode();
        for (String node : List.of("node1", "node2")) {
            // 11 requests (the sign-in and 10 more), alternating: each node answers 5 or 6 of them.
            assertTrue(after.get(node) - before.get(node) >= 5, "round robin gave each node its share: " + before + " -> " + after);
        }
    }

    @Test
    void a_live_room_opened_through_the_balancer_connects_and_takes_changes() {
        var chair = People.staff(new ApiClient(balancer.address()), "chair", People.DEMO_PASSWORD);
        String conference = freshConference(chair);
        try (var live = LiveClient.connect(chair, conference)) {
            live.hello();
            String goal = UUID.randomUUID().toString();
            live.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "Through the balancer"));
            live.settle();
            assertTrue(live.plan().node(goal).isPresent(), "the change came back acknowledged through HAProxy");
            live.assertFramesConform();
        }
    }

    @Test
    void two_people_in_one_room_on_different_nodes_type_into_the_same_field_and_converge() throws Exception {
        var chair = People.staff(new ApiClient(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(new ApiClient(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        try (var onA = LiveClient.connect(chair, meeting.conferenceId()); var onB = LiveClient.connect(worker, meeting.conferenceId())) {
            onA.hello();
            onB.hello();
            String goal = UUID.randomUUID().toString();
            onA.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "Both nodes"));
            onA.settle();
            onB.nextMatching(m -> onB.plan().node(goal).isPresent(), 5);
            // Both type into the same field at once, each from its own node; one of them is on the plan's owner, the other is sent there.
            var pool = Executors.newFixedThreadPool(2);
            var typing = new ArrayList<Future<?>>();
            for (var person : List.of(onA, onB)) {
                String mark = person == onA ? "[a" : "[b";
                typing.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        synchronized (person) {
                            person.drain();
                            String text = person.plan().node(goal).orElseThrow().get(PlanField.TITLE);
                            person.edit(new PlanOperation.EditText(goal, PlanField.TITLE,
                                    TextOperation.insertAt(text.length(), text.length(), mark + i + "]")));
                        }
                    }
                }));
            }
            for (var done : typing) {
                done.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            onA.settle();
            onB.settle();
            long last = Math.max(onA.replica.revision(), onB.replica.revision());
            for (var person : List.of(onA, onB)) {
                if (person.replica.revision() < last) {
                    person.nextMatching(m -> person.replica.revision() >= last, 10);
                }
            }
            assertEquals(onA.plan(), onB.plan(), "the two nodes' rooms show the same plan");
            String title = onA.plan().node(goal).orElseThrow().get(PlanField.TITLE);
            for (int i = 0; i < 20; i++) {
                for (String mark : List.of("[a", "[b")) {
                    String word = mark + i + "]";
                    assertEquals(title.indexOf(word), title.lastIndexOf(word), "each word once: " + word + " in " + title);
                    assertTrue(title.contains(word), "every acknowledged word is kept: " + word + " in " + title);
                }
            }
            // Read again through each node, from its copy of the plan: the same words as the rooms.
            for (StandaloneServer node : List.of(nodeA, nodeB)) {
                var reader = People.staff(new ApiClient(node.address()), "chair", People.DEMO_PASSWORD);
                String stored = reader.get("/families/" + meeting.familyId() + "/plan").json().getJsonArray("goals").stream()
                        .map(g -> g.asJsonObject()).filter(g -> g.getString("id").equals(goal)).findFirst().orElseThrow().getString("title");
                assertEquals(title, stored, "the plan as " + node.address() + " reads it");
            }
            onA.assertFramesConform();
            onB.assertFramesConform();
        }
    }

    @Test
    void goals_added_through_the_api_of_either_node_reach_the_room_on_both_nodes() {
        var chair = People.staff(new ApiClient(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(new ApiClient(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        try (var onA = LiveClient.connect(chair, meeting.conferenceId()); var onB = LiveClient.connect(worker, meeting.conferenceId())) {
            onA.hello();
            onB.hello();
            for (ApiClient writer : List.of(chair, worker)) {
                String title = "Added through " + writer.base();
                Reply added = writer.post("/families/" + meeting.familyId() + "/plan/goals", json("title", title));
                assertEquals(200, added.status(), added::toString);
                assertTrue(added.json().getJsonArray("goals").stream().anyMatch(g -> title.equals(g.asJsonObject().getString("title"))),
                        "the answer of the node written to already holds the goal: " + added);
                for (var person : List.of(onA, onB)) {
                    person.nextMatching(m -> person.plan().goals().stream().anyMatch(g -> title.equals(g.get(PlanField.TITLE))), 5);
                }
            }
            assertEquals(onA.plan(), onB.plan(), "the two nodes' rooms show the same plan");
        }
    }

    @Test
    void both_nodes_name_the_same_single_owner_for_each_plan_and_plans_are_spread_over_both() {
        var adminA = People.staff(new ApiClient(nodeA.address()), "admin", People.DEMO_PASSWORD);
        var adminB = People.staff(new ApiClient(nodeB.address()), "admin", People.DEMO_PASSWORD);
        var owners = new java.util.HashSet<String>();
        for (int i = 0; i < 16; i++) {
            String family = UUID.randomUUID().toString();
            String ownerSaysA = adminA.get("/admin/cluster?familyId=" + family).json().getString("planOwner");
            String ownerSaysB = adminB.get("/admin/cluster?familyId=" + family).json().getString("planOwner");
            assertEquals(ownerSaysA, ownerSaysB, "both nodes agree who keeps family " + family + "'s plan");
            owners.add(ownerSaysA);
        }
        // 16 families all on one node would happen once in 32,768 runs.
        assertEquals(java.util.Set.of("node-a", "node-b"), owners, "each node keeps some plans");
        assertEquals(List.of("node-a", "node-b"), adminA.get("/admin/cluster").json().getJsonArray("members").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
    }

    @Test
    void when_the_plans_owner_node_is_killed_mid_typing_every_acknowledged_edit_is_kept_and_everyone_is_back_within_five_seconds()
            throws Exception {
        var chair = People.staff(new ApiClient(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(new ApiClient(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        var admin = People.staff(new ApiClient(nodeA.address()), "admin", People.DEMO_PASSWORD);
        String owner = admin.get("/admin/cluster?familyId=" + meeting.familyId()).json().getString("planOwner");
        assertTrue(owner.equals("node-a") || owner.equals("node-b"), "one of the two nodes keeps the plan: " + owner);
        StandaloneServer dies = owner.equals("node-a") ? nodeA : nodeB;
        StandaloneServer survives = dies == nodeA ? nodeB : nodeA;
        var typists = List.of(new Typist("[a", chair.cookie("RT_SESSION"), LiveClient.connect(chair, meeting.conferenceId())),
                new Typist("[b", worker.cookie("RT_SESSION"), LiveClient.connect(worker, meeting.conferenceId())));
        typists.forEach(t -> t.client.hello());
        String goal = UUID.randomUUID().toString();
        typists.get(0).client.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "Kept"));
        typists.get(0).client.settle();
        typists.get(1).client.nextMatching(m -> typists.get(1).client.plan().node(goal).isPresent(), 5);
        try {
            for (int i = 0; i < 10; i++) {
                for (Typist t : typists) {
                    t.type(goal, i, meeting.conferenceId());
                }
            }
            // Pulled out mid-typing: each has a change in flight, and more waiting behind it.
            long killed = System.nanoTime();
            dies.kill();
            for (Typist t : typists) {
                t.type(goal, 10, meeting.conferenceId());
            }
            long deadline = killed + TimeUnit.SECONDS.toNanos(15);
            while (typists.stream().anyMatch(t -> t.unconfirmed(meeting.conferenceId())) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (Typist t : typists) {
                assertTrue(!t.client.replica.hasUnconfirmed(), t.mark + " is back: every change of theirs is confirmed");
                long back = TimeUnit.NANOSECONDS.toMillis(t.confirmedAt - killed);
                assertTrue(back <= 5000, t.mark + " was back " + back + " ms after the owner node died (at most 5000)");
            }
            for (int i = 11; i < 20; i++) {
                for (Typist t : typists) {
                    t.type(goal, i, meeting.conferenceId());
                }
            }
            for (Typist t : typists) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (t.unconfirmed(meeting.conferenceId()) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
            }
            long last = typists.stream().mapToLong(t -> t.client.replica.revision()).max().orElseThrow();
            for (Typist t : typists) {
                if (t.client.replica.revision() < last) {
                    t.client.nextMatching(m -> t.client.replica.revision() >= last, 10);
                }
                assertTrue(t.client.receivedOfType("error").isEmpty(), "nothing was refused: " + t.client.receivedOfType("error"));
            }
            assertEquals(typists.get(0).client.plan(), typists.get(1).client.plan(), "both copies converged");
            String title = typists.get(0).client.plan().node(goal).orElseThrow().get(PlanField.TITLE);
            var reader = People.staff(new ApiClient(survives.address()), "chair", People.DEMO_PASSWORD);
            String stored = reader.get("/families/" + meeting.familyId() + "/plan").json().getJsonArray("goals").stream()
                    .map(g -> g.asJsonObject()).filter(g -> g.getString("id").equals(goal)).findFirst().orElseThrow().getString("title");
            assertEquals(title, stored, "the database holds what both see");
            for (int i = 0; i < 20; i++) {
                for (Typist t : typists) {
                    String word = t.mark + i + "]";
                    assertTrue(stored.contains(word), "every acknowledged word is stored: " + word + " in " + stored);
                    assertEquals(stored.indexOf(word), stored.lastIndexOf(word), "and only once: " + word + " in " + stored);
                }
            }
        } finally {
            typists.forEach(t -> t.client.close());
            // The other tests need both nodes: the dead one comes back (and rejoins the cluster).
            dies.start();
        }
    }

    @Test
    void a_rolling_restart_of_each_node_in_turn_while_people_type_loses_nothing_and_everyone_converges() throws Exception {
        var chair = People.staff(new ApiClient(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(new ApiClient(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        var typists = List.of(new Typist("[a", chair.cookie("RT_SESSION"), LiveClient.connect(chair, meeting.conferenceId())),
                new Typist("[b", worker.cookie("RT_SESSION"), LiveClient.connect(worker, meeting.conferenceId())));
        typists.forEach(t -> t.client.hello());
        String goal = UUID.randomUUID().toString();
        typists.get(0).client.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "Patched"));
        typists.get(0).client.settle();
        typists.get(1).client.nextMatching(m -> typists.get(1).client.plan().node(goal).isPresent(), 5);
        int words = 0;
        try {
            for (StandaloneServer node : List.of(nodeA, nodeB)) {
                // Stopped for patching and started again, one node at a time, while both keep typing.
                CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                    node.stop();
                    node.start();
                });
                while (!restart.isDone()) {
                    for (Typist t : typists) {
                        t.type(goal, PlanField.DESCRIPTION, words, meeting.conferenceId());
                    }
                    words++;
                    // About a word a second each: the description (4,000 characters at most) holds both restarts' words.
                    Thread.sleep(1000);
                }
                restart.get();
            }
            for (Typist t : typists) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (t.unconfirmed(meeting.conferenceId()) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertTrue(!t.client.replica.hasUnconfirmed(), t.mark + ": every change confirmed after the restarts");
            }
            long last = typists.stream().mapToLong(t -> t.client.replica.revision()).max().orElseThrow();
            for (Typist t : typists) {
                if (t.client.replica.revision() < last) {
                    t.client.nextMatching(m -> t.client.replica.revision() >= last, 10);
                }
                assertTrue(t.client.receivedOfType("error").isEmpty(), "nothing was refused: " + t.client.receivedOfType("error"));
            }
            assertEquals(typists.get(0).client.plan(), typists.get(1).client.plan(), "both copies converged");
            var reader = People.staff(new ApiClient(balancer.address()), "chair", People.DEMO_PASSWORD);
            String stored = reader.get("/families/" + meeting.familyId() + "/plan").json().getJsonArray("goals").stream()
                    .map(g -> g.asJsonObject()).filter(g -> g.getString("id").equals(goal)).findFirst().orElseThrow().getString("description");
            assertEquals(typists.get(0).client.plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION), stored, "the database holds what both see");
            assertTrue(words >= 10, "people typed through both restarts: " + words + " rounds");
            for (int i = 0; i < words; i++) {
                for (Typist t : typists) {
                    String word = t.mark + i + "]";
                    assertTrue(stored.contains(word), "every word typed is stored: " + word + " in " + stored);
                    assertEquals(stored.indexOf(word), stored.lastIndexOf(word), "and only once: " + word + " in " + stored);
                }
            }
        } finally {
            typists.forEach(t -> t.client.close());
        }
    }

    /** Someone typing into a goal's title, who connects again (through the balancer) whenever the connection drops. */
    private static final class Typist {
        final String mark;
        final String session;
        LiveClient client;
        long confirmedAt;

        Typist(String mark, String session, LiveClient client) {
            this.mark = mark;
            this.session = session;
            this.client = client;
        }

        void type(String goal, int i, String conferenceId) {
            type(goal, PlanField.TITLE, i, conferenceId);
        }

        void type(String goal, PlanField field, int i, String conferenceId) {
            unconfirmed(conferenceId);
            String text = client.plan().node(goal).orElseThrow().get(field);
            text = text == null ? "" : text;
            try {
                client.edit(new PlanOperation.EditText(goal, field, TextOperation.insertAt(text.length(), text.length(), mark + i + "]")));
            } catch (IllegalStateException | UncheckedIOException closedMeanwhile) {
                // Kept in the copy; sent once connected again.
            }
        }

        /**
         * Takes in what arrived, connecting again first (through the balancer, as a browser does)
         * if the connection dropped; true while something is unconfirmed.
         */
        boolean unconfirmed(String conferenceId) {
            if (!client.isOpen()) {
                try {
                    client = LiveClient.resume(client, session, conferenceId, balancer.address());
                } catch (IllegalStateException notYet) {
                    // The balancer has not yet noticed the node is gone, or the socket closed at once: again on the next call.
                    return true;
                }
            }
            boolean waiting = client.pump();
            if (!waiting && confirmedAt == 0) {
                confirmedAt = System.nanoTime();
            } else if (waiting) {
                confirmedAt = 0;
            }
            return waiting;
        }
    }

    /** A family and its conference, made for one test. */
    private record Meeting(String familyId, String conferenceId) {
    }

    /** A new family (by the social worker) with a conference the chair chairs, the social worker invited. */
    private static Meeting freshMeeting(ApiClient chair) {
        var worker = People.staff(new ApiClient(chair.base()), "social.worker", People.DEMO_PASSWORD);
        String family = worker.post("/families", json("name", "Cluster family " + UUID.randomUUID())).json().getString("id");
        String conference = chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP", "scheduledStart", "2031-04-01T10:00:00Z"))
                .json().getString("id");
        String sam = worker.get("/auth/me").json().getString("id");
        Reply invited = chair.post("/conferences/" + conference + "/invitees", json("role", "AGENCY_STAFF", "staffMemberId", sam));
        assertEquals(200, invited.status(), invited::toString);
        return new Meeting(family, conference);
    }

    private static String freshConference(ApiClient chair) {
        return freshMeeting(chair).conferenceId();
    }

    private static JsonObject runReminders(ApiClient admin, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Reply run = admin.post("/admin/reminders/run", null);
        assertEquals(200, run.status(), run::toString);
        return run.json();
    }

    private static HttpResponse<String> get(URI node, String path, String session) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.resolve(path)).header("Cookie", "RT_SESSION=" + session)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
