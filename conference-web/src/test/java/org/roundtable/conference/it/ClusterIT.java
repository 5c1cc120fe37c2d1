package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.MethodOrderer;
import jakarta.json.JsonValue;
import jakarta.json.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.it.ApiClient.Reply;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextOperation;

/**
 * What holds on three nodes of the HA server (docs/cluster.md): three WildFly nodes (wildfly-config's
 * target/server-ha, port offsets 500, 600 and 700, JGroups on loopback, each node finding the
 * others through the one test PostgreSQL with JDBC_PING; TCPPING is checked by
 * wildfly-config/two-nodes.sh --check) against that PostgreSQL, started one after the other,
 * with HAProxy in front, round robin and no stickiness. One room may have people on every node:
 * each plan has one owner node, the others forward to it and follow its changes; everything around
 * the plan (presence, hands, agenda, private parts, comments, calls) reaches every node too. Two
 * tests kill a node with SIGKILL and start it again afterwards; one restarts each node in turn;
 * the last kills node B for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int OFFSET_A = 500;
    private static final int OFFSET_B = 600;
    private static final int OFFSET_C = 700;

    /** A private part whose chair's node died ends after this grace (15 s unless configured). */
    private static final String GRACE = "roundtable.live.private-part-grace-seconds";
    /** Nodes check the copies of plans they follow against the database this often (ms). */
    private static final String FOLLOW_CHECK = "roundtable.plan.follow-check-millis";
    /** One video sender a room on these nodes, so that a test can reach the limit with two people. */
    private static final String VIDEO_SENDERS = "roundtable.media.max-video-senders";

    private static StandaloneServer nodeA;
    private static StandaloneServer nodeB;
    private static StandaloneServer nodeC;
    private static Balancer balancer;

    @BeforeAll
    static void twoNodesAndABalancer() throws Exception {
        assertTrue(new java.io.File(System.getProperty("roundtable.ha.home"), "bin/standalone.sh").canExecute(),
                "the HA server is needed: build wildfly-config first");
        assertTrue(Balancer.available(), "HAProxy is needed: apt-get install haproxy (.ci/run does)");
        URI front = URI.create("http://localhost:8490");
        // Only one node makes the demo data (it counts agencies, then writes); both migrate the schema.
        nodeA = StandaloneServer.clusterNodeFoundThroughTheDatabase("node-a", OFFSET_A, true).behind(front).with(GRACE, "3").with(FOLLOW_CHECK, "500")
                .with(VIDEO_SENDERS, "1");
        nodeB = StandaloneServer.clusterNodeFoundThroughTheDatabase("node-b", OFFSET_B, false).behind(front).with(GRACE, "3").with(FOLLOW_CHECK, "500")
                .with(VIDEO_SENDERS, "1");
        nodeC = StandaloneServer.clusterNodeFoundThroughTheDatabase("node-c", OFFSET_C, false).behind(front).with(GRACE, "3").with(FOLLOW_CHECK, "500")
                .with(VIDEO_SENDERS, "1");
        // One after the other, as wildfly-config/two-nodes.sh and an operator's rolling start do: node B
        // joins a running cluster. (Booting both at the same instant once hung node B's deployment in CI,
        // cause not yet known; StandaloneServer now keeps the threads of a boot that hangs.)
        // Should the run be cut short, the nodes and HAProxy still go.
        Runtime.getRuntime().addShutdownHook(new Thread(ClusterIT::stopEverything));
        nodeA.start();
        nodeB.start();
        nodeC.start();
        balancer = new Balancer(front.getPort(), List.of(nodeA.address(), nodeB.address(), nodeC.address()));
        balancer.start();
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable running : new AutoCloseable[] {balancer, nodeA, nodeB, nodeC}) {
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
    void the_three_nodes_see_each_other_as_one_cluster() throws InterruptedException {
        for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
            var admin = People.staff(signingIn(node.address()), "admin", People.DEMO_PASSWORD);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> members;
            while (!(members = members(admin)).equals(List.of("node-a", "node-b", "node-c"))) {
                assertTrue(System.nanoTime() < deadline, node.address() + " sees " + members + ", not all three nodes, after a minute");
                Thread.sleep(250);
            }
        }
    }

    @Test
    void a_stranger_who_reaches_the_cluster_port_without_the_clusters_key_cannot_join_it() throws Exception {
        strangerJoins(null);
    }

    @Test
    void a_stranger_who_stamps_a_join_with_the_keys_fingerprint_but_has_not_the_key_cannot_join_either() throws Exception {
        // The fingerprint (MD5 of the key) travels in clear on every encrypted message, so anyone who has seen one has it.
        // JGroups encrypts only payloads, and a join has none: without SERIALIZE above SYM_ENCRYPT this stranger was let in.
        var store = java.security.KeyStore.getInstance("PKCS12");
        char[] password = "roundtable-cluster".toCharArray();
        try (var in = java.nio.file.Files.newInputStream(
                Path.of(System.getProperty("roundtable.ha.home"), "standalone/configuration/cluster-key.p12"))) {
            store.load(in, password);
        }
        byte[] fingerprint = java.security.MessageDigest.getInstance("MD5").digest(store.getKey("roundtable-cluster", password).getEncoded());
        strangerJoins(fingerprint);
    }

    /**
     * JGroups as the nodes run it (the same version and protocols) but without SYM_ENCRYPT and its key:
     * what anyone who can reach a node's JGroups port could start. It finds the nodes, asks to join, and
     * must be left alone in a cluster of its own, the nodes still counting three.
     */
    private static void strangerJoins(byte[] stampedFingerprint) throws Exception {
        var hosts = List.of(OFFSET_A, OFFSET_B, OFFSET_C).stream()
                .map(offset -> new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 7600 + offset)).toList();
        // Who the stranger heard from at all (discovery answers, below any encryption).
        var listening = new HeardFrom();
        var stack = new ArrayList<org.jgroups.stack.Protocol>(List.of(
                new org.jgroups.protocols.TCP().setBindAddress(java.net.InetAddress.getLoopbackAddress()).setBindPort(8900).setPortRange(50),
                listening,
                // The nodes find each other with JDBC_PING: its discovery headers, sent to their addresses (no database needed).
                new org.jgroups.protocols.TCPPING().setInitialHosts(hosts).setPortRange(0)
                        .setId(org.jgroups.conf.ClassConfigurator.getProtocolId(org.jgroups.protocols.JDBC_PING.class)),
                // No MERGE3: that it can still make the nodes try a merge (below the encryption) is in docs/cluster.md.
                new org.jgroups.protocols.pbcast.NAKACK2(),
                new org.jgroups.protocols.UNICAST3(),
                new org.jgroups.protocols.pbcast.STABLE(),
                new org.jgroups.protocols.pbcast.GMS().setJoinTimeout(3000).setMaxJoinAttempts(2),
                new org.jgroups.protocols.MFC(),
                new org.jgroups.protocols.UFC(),
                new org.jgroups.protocols.FRAG4()));
        if (stampedFingerprint != null) {
            stack.add(2, new StampingFingerprint(stampedFingerprint));
        }
        String name = stampedFingerprint == null ? "plain-stranger" : "stamping-stranger";
        var stranger = new org.jgroups.JChannel(stack);
        try (stranger) {
            stranger.setName(name);
            // An address as the nodes' Infinispan makes them, its version under "v": with any other the coordinator
            // fails on the join, key or no key, and the test would prove nothing.
            byte[] version = infinispanVersion().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            stranger.addAddressGenerator(() -> org.jgroups.util.ExtendedUUID.randomUUID(name)
                    .put("v".getBytes(java.nio.charset.StandardCharsets.UTF_8), version));
            stranger.connect("ejb");
            var heard = listening.senders.stream().map(org.jgroups.util.NameCache::get).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
            assertTrue(heard.containsAll(List.of("node-a", "node-b", "node-c")),
                    "the stranger found the nodes (discovery is not encrypted), so only the key kept it out; it heard from " + heard);
            assertEquals(List.of(stranger.getAddress()), stranger.getView().getMembers(), "the stranger is alone in a cluster of its own");
            var admin = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
            assertEquals(List.of("node-a", "node-b", "node-c"), members(admin), "the nodes do not count it");
        }
        // Not even for a moment: a stranger let in but unable to read the view it was sent still times out on
        // its side and stays alone, while the nodes count it until they suspect it (seen when SERIALIZE was missing).
        for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
            var views = node.console().lines().filter(line -> line.contains("Cluster view") || line.contains("joined the cluster"))
                    .filter(line -> line.contains(name)).toList();
            assertEquals(List.of(), views, node.nodeName() + " counted " + name + " in its cluster");
        }
    }

    /** The version of Infinispan in the HA server, from its jar's name (infinispan-core-16.0.5.jar: 16.0.5). */
    private static String infinispanVersion() throws IOException {
        var module = Path.of(System.getProperty("roundtable.ha.home"), "modules/system/layers/base/org/infinispan/core/main");
        try (var jars = java.nio.file.Files.list(module)) {
            String jar = jars.map(f -> f.getFileName().toString()).filter(n -> n.matches("infinispan-core-[0-9.]+(\\.Final)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no infinispan-core jar in " + module));
            return jar.substring("infinispan-core-".length(), jar.length() - ".jar".length()).replace(".Final", "");
        }
    }

    @Test
    void a_node_joining_the_cluster_finds_the_schema_migrated_and_applies_nothing_twice() {
        assertEquals(0, Database.count("select count(*) from flyway_schema_history where not success"), "no failed migration");
        assertEquals(Database.count("select count(distinct version) from flyway_schema_history where version is not null"),
                Database.count("select count(version) from flyway_schema_history"), "each migration applied once");
        for (StandaloneServer joined : List.of(nodeB, nodeC)) {
            assertTrue(joined.console().contains("(0 migrations applied now)"),
                    "a node that joined later found the schema already migrated and applied nothing: " + joined.address());
        }
    }

    @Test
    void a_person_signed_in_through_one_node_is_recognised_on_the_other() {
        var onA = People.staff(signingIn(nodeA.address()), "social.worker", People.DEMO_PASSWORD);
        String session = onA.cookie("RT_SESSION");
        var me = get(nodeB.address(), "/api/auth/me", session);
        assertEquals(200, me.statusCode(), me::body);
        assertTrue(me.body().contains("social.worker") || me.body().contains("Sam Okafor"), me.body());

        Reply out = onA.post("/auth/sign-out", null);
        assertTrue(out.status() < 300, out::toString);
        assertEquals(401, get(nodeB.address(), "/api/auth/me", session).statusCode(), "node B no longer knows the session");
    }

    @Test
    void one_address_has_one_sign_in_allowance_whichever_nodes_its_requests_reach() {
        // The nodes' default allowance: 20 at once, then 30 a minute (one every 2 s). Each node alone
        // would serve 20 of these; together they serve 20 and whatever refilled meanwhile.
        String source = "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
        var nodes = List.of(nodeA, nodeB, nodeC);
        var refusedOn = new java.util.TreeSet<String>();
        int served = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            StandaloneServer node = nodes.get(i % 3);
            Reply reply = ApiClient.from(node.address(), source).post("/auth/no-such-way-in", null);
            if (reply.status() == 429) {
                refusedOn.add(node.nodeName());
            } else {
                served++;
            }
        }
        long refills = 1 + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 2000;
        assertTrue(served >= 20, "the burst of 20 is served: " + served);
        assertTrue(served <= 20 + refills, served + " of 60 requests from one address were served by three nodes; one allowance is 20, "
                + "and the refill allows " + refills + " more");
        assertEquals(List.of("node-a", "node-b", "node-c"), List.copyOf(refusedOn), "every node turns the address away");
        assertEquals(200, ApiClient.from(nodeB.address(), "198.51.100.0").post("/auth/codes", json("email", "someone@example.org")).status(),
                "another address is still served");
    }

    @Test
    void a_sign_out_on_node_a_closes_that_persons_live_sockets_on_nodes_b_and_c_within_one_second() {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        String conference = freshConference(chair);
        try (var onB = LiveClient.connect(chair.cookie("RT_SESSION"), conference, nodeB.address().toString(), nodeB.address());
                var onC = LiveClient.connect(chair.cookie("RT_SESSION"), conference, nodeC.address().toString(), nodeC.address())) {
            onB.hello();
            onC.hello();
            Reply out = chair.post("/auth/sign-out", null);
            assertTrue(out.status() < 300, out::toString);
            for (var on : List.of(onB, onC)) {
                var closed = on.closedWithin(1);
                assertTrue(closed.isPresent(), "a socket on another node was still open a second after signing out on node A");
                assertEquals(4401, closed.get().getCloseCode().getCode(), closed.get()::toString);
            }
        }
    }

    /**
     * A change of access whose signal never reaches the other nodes (the node that made it hung, or
     * the cluster split for a moment) still takes effect there: each node reads the log of changes
     * every 5 s and, finding one it was never told of, checks every connection again. The removal is
     * made here straight in the database, written to the log, and told to no node.
     */
    @Test
    void an_invitee_removed_while_no_signal_reaches_the_other_nodes_is_still_put_out_of_the_room_there_within_twelve_seconds() {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(nodeC.address()), "social.worker", People.DEMO_PASSWORD);
        String conference = freshConference(chair);
        UUID sam = UUID.fromString(worker.get("/auth/me").json().getString("id"));
        try (var onC = LiveClient.connect(worker.cookie("RT_SESSION"), conference, nodeC.address().toString(), nodeC.address())) {
            onC.hello();
            UUID invitee = UUID.fromString(Database.text("select cast(id as varchar) from conference_invitee where conference_id = ?"
                    + " and staff_member_id = ?", UUID.fromString(conference), sam));
            Database.update("delete from invitation where invitee_id = ?", invitee);
            assertEquals(1, Database.update("delete from conference_invitee where id = ?", invitee));
            // Written to the log of changes as the node that made it would, under a number no signal carries.
            assertEquals(1, Database.update("insert into access_change (id, made_at) values (?, current_timestamp)",
                    new java.security.SecureRandom().nextLong()));
            // Two reads of the log 5 s apart (the first that sees a change leaves its signal time to arrive), and the re-check.
            var closed = onC.closedWithin(12);
            assertTrue(closed.isPresent(), "still in the room on node C 12 s after being removed");
            assertEquals(4403, closed.get().getCloseCode().getCode(), closed.get()::toString);
        }
    }

    @Test
    void an_override_made_on_one_node_shares_the_familys_contacts_on_the_others_within_one_second() {
        var workerOnA = People.staff(signingIn(nodeA.address()), "social.worker", People.DEMO_PASSWORD);
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

        var healthOnB = People.staff(signingIn(nodeB.address()), "health.visitor", People.DEMO_PASSWORD);
        Reply refused = healthOnB.get(family + "/contacts");
        assertEquals(403, refused.status(), "node B answers (and keeps the answer) that the contacts are not shared: " + refused);
        var healthOnC = People.staff(signingIn(nodeC.address()), "health.visitor", People.DEMO_PASSWORD);
        assertEquals(403, healthOnC.get(family + "/contacts").status(), "so does node C");
        var healthOnA = People.staff(signingIn(nodeA.address()), "health.visitor", People.DEMO_PASSWORD);
        Reply override = healthOnA.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "CHILD_AT_RISK",
                "reason", "The baby has lost weight", "reviewOn", LocalDate.now(ClockProducer.LOCAL_ZONE).plusDays(1).toString()));
        assertEquals(201, override.status(), override::toString);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int onB;
        int onC;
        do {
            onB = healthOnB.get(family + "/contacts").status();
            onC = healthOnC.get(family + "/contacts").status();
        } while ((onB != 200 || onC != 200) && System.nanoTime() < deadline);
        assertEquals(200, onB, "node B still refused a second after the override made on node A");
        assertEquals(200, onC, "node C still refused a second after the override made on node A");
    }

    @Test
    void todays_reminders_go_once_when_all_three_nodes_run_them_at_the_same_moment() throws Exception {
        // A new family (the Taylors' plan belongs to the suite's own server, which writes it).
        var workerOnA = People.staff(signingIn(nodeA.address()), "social.worker", People.DEMO_PASSWORD);
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
        var adminA = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        var adminB = People.staff(signingIn(nodeB.address()), "admin", People.DEMO_PASSWORD);
        var adminC = People.staff(signingIn(nodeC.address()), "admin", People.DEMO_PASSWORD);
        var allAtOnce = new CountDownLatch(1);
        var onA = CompletableFuture.supplyAsync(() -> runReminders(adminA, allAtOnce));
        var onB = CompletableFuture.supplyAsync(() -> runReminders(adminB, allAtOnce));
        var onC = CompletableFuture.supplyAsync(() -> runReminders(adminC, allAtOnce));
        allAtOnce.countDown();
        JsonObject a = onA.get(30, TimeUnit.SECONDS);
        JsonObject b = onB.get(30, TimeUnit.SECONDS);
        JsonObject c = onC.get(30, TimeUnit.SECONDS);
        assertEquals(1, (a.getBoolean("ran") ? 1 : 0) + (b.getBoolean("ran") ? 1 : 0) + (c.getBoolean("ran") ? 1 : 0),
                "exactly one node sent them: " + a + " " + b + " " + c);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Mailbox.count(sam, "of your actions") == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(before + 1, Mailbox.count(sam, "of your actions"), "Sam gets one reminder, not two");
    }

    @Test
    void requests_through_the_balancer_go_to_every_node_and_the_session_holds_on_each() {
        var before = balancer.requestsPerNode();
        var person = People.staff(signingIn(balancer.address()), "social.worker", People.DEMO_PASSWORD);
        for (int i = 0; i < 10; i++) {
            Reply me = person.get("/auth/me");
            assertEquals(200, me.status(), () -> "request " + me);
        }
        var after = balancer.requestsPerNode();
        for (String node : List.of("node1", "node2", "node3")) {
            // 11 requests (the sign-in and 10 more), in turn: each node answers 3 or 4 of them.
            assertTrue(after.get(node) - before.get(node) >= 3, "round robin gave each node its share: " + before + " -> " + after);
        }
    }

    @Test
    void a_live_room_opened_through_the_balancer_connects_and_takes_changes() {
        var chair = People.staff(signingIn(balancer.address()), "chair", People.DEMO_PASSWORD);
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
    void people_in_one_room_on_three_nodes_type_into_the_same_field_and_converge() throws Exception {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        try (var onA = LiveClient.connect(chair, meeting.conferenceId()); var onB = LiveClient.connect(worker, meeting.conferenceId());
                var onC = LiveClient.connect(chair.cookie("RT_SESSION"), meeting.conferenceId(), nodeC.address().toString(), nodeC.address())) {
            onA.hello();
            onB.hello();
            onC.hello();
            String goal = UUID.randomUUID().toString();
            onA.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "All nodes"));
            onA.settle();
            onB.nextMatching(m -> onB.plan().node(goal).isPresent(), 5);
            onC.nextMatching(m -> onC.plan().node(goal).isPresent(), 5);
            // All type into the same field at once, each from its own node: one is on the plan's owner, the others are sent there.
            var pool = Executors.newFixedThreadPool(3);
            var typing = new ArrayList<Future<?>>();
            for (var person : List.of(onA, onB, onC)) {
                String mark = person == onA ? "[a" : person == onB ? "[b" : "[c";
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
            onC.settle();
            long last = Math.max(onA.replica.revision(), Math.max(onB.replica.revision(), onC.replica.revision()));
            for (var person : List.of(onA, onB, onC)) {
                if (person.replica.revision() < last) {
                    person.nextMatching(m -> person.replica.revision() >= last, 10);
                }
            }
            assertEquals(onA.plan(), onB.plan(), "the rooms on nodes A and B show the same plan");
            assertEquals(onA.plan(), onC.plan(), "the rooms on nodes A and C show the same plan");
            String title = onA.plan().node(goal).orElseThrow().get(PlanField.TITLE);
            for (int i = 0; i < 20; i++) {
                for (String mark : List.of("[a", "[b", "[c")) {
                    String word = mark + i + "]";
                    assertEquals(title.indexOf(word), title.lastIndexOf(word), "each word once: " + word + " in " + title);
                    assertTrue(title.contains(word), "every acknowledged word is kept: " + word + " in " + title);
                }
            }
            // Read again through each node, from its copy of the plan: the same words as the rooms.
            for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
                var reader = People.staff(signingIn(node.address()), "chair", People.DEMO_PASSWORD);
                assertEquals(title, storedTitle(reader, meeting, goal), "the plan as " + node.address() + " reads it");
            }
            onA.assertFramesConform();
            onB.assertFramesConform();
            onC.assertFramesConform();

            // Two nodes follow this plan: their checks against the database (every 0.5 s here) run, without failing.
            var admins = new java.util.LinkedHashMap<StandaloneServer, ApiClient>();
            for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
                admins.put(node, People.staff(signingIn(node.address()), "admin", People.DEMO_PASSWORD));
            }
            String owner = planOwner(admins.get(nodeA), meeting.familyId());
            var checksBefore = new java.util.HashMap<StandaloneServer, Long>();
            admins.forEach((node, admin) -> checksBefore.put(node, admin.get("/admin/cluster").json().getJsonNumber("followChecks").longValue()));
            for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
                if (!node.nodeName().equals(owner)) {
                    // Every 0.5 s here: twice within 5 s even on a busy machine.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    long checks;
                    while ((checks = admins.get(node).get("/admin/cluster").json().getJsonNumber("followChecks").longValue())
                            < checksBefore.get(node) + 2) {
                        assertTrue(System.nanoTime() < deadline, node.nodeName() + " follows a plan but checked the plans it follows "
                                + (checks - checksBefore.get(node)) + " times in 5 s");
                        Thread.sleep(100);
                    }
                }
            }
            for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
                String console = node.console();
                assertFalse(console.contains("Could not check the copies of plans this node follows"), node.address() + ":\n" + console);
            }
        }
    }

    @Test
    void goals_added_through_the_api_of_either_node_reach_the_room_on_both_nodes() {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
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

    /**
     * Protocol rule 4: a change the welcome does not name in {@code applied} was not applied. Here
     * the client has left its first connection (it says hello on a second one, listing the change
     * as in flight) and that connection's copy of the change comes only after the welcome, as one
     * still on its way to the plan's owner node would. On each of the three nodes in turn (the
     * owner, and two that send it the change): the late copy is not applied, and the client's
     * resend on its new connection is applied, once.
     */
    @Test
    void a_change_from_a_connection_its_client_has_left_is_never_applied_after_a_welcome_on_any_node_said_it_was_not() {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        String conference = freshConference(chair);
        String session = chair.cookie("RT_SESSION");
        for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
            URI base = node.address();
            try (var left = LiveClient.connect(session, conference, base.toString(), base);
                    var now = LiveClient.connect(session, conference, base.toString(), base)) {
                long revision = left.hello().getJsonNumber("revision").longValue();
                String changeId = "late-" + UUID.randomUUID();
                var welcome = now.hello(Json.createObjectBuilder().add("type", "hello").add("v", 1).add("revision", revision)
                        .add("pending", Json.createArrayBuilder().add(changeId)).build());
                assertEquals(JsonValue.EMPTY_JSON_OBJECT, welcome.getJsonObject("applied"), "not applied yet on " + base);

                String goal = UUID.randomUUID().toString();
                JsonObject change = Json.createObjectBuilder().add("type", "submit").add("changeId", changeId).add("baseRevision", revision)
                        .add("ops", PlanJson.toJson(List.of(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null),
                                "Sent again on " + base)))).build();
                left.send(change);
                var closed = left.closedWithin(5);
                assertTrue(closed.isPresent(), "the connection its client left is closed on " + base);
                assertEquals(1013, closed.get().getCloseCode().getCode());
                assertEquals("Sent again on a newer connection.", closed.get().getReasonPhrase(),
                        "closed because the change was settled on the new connection, not for some other failure to store it");

                now.send(change);
                var answer = now.nextMatching(m -> changeId.equals(m.getString("changeId", null))
                        || m.getString("type").equals("error"), 10);
                assertEquals("applied", answer.getString("type"), "the resend is applied, not recognised as applied before: " + answer);
                assertEquals(now.welcome.getString("connectionId"), answer.getString("clientId"));
                now.assertFramesConform();
            }
        }
    }

    @Test
    void signing_on_a_node_that_does_not_keep_the_plan_while_its_keeper_stores_an_edit_never_leaves_a_signature_unvoided_on_changed_words() {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        var admin = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        String owner = planOwner(admin, meeting.familyId());
        var nodes = List.of(nodeA, nodeB, nodeC);
        StandaloneServer keeper = nodes.stream().filter(n -> n.nodeName().equals(owner)).findFirst().orElseThrow();
        StandaloneServer follower = nodes.stream().filter(n -> !n.nodeName().equals(owner)).findFirst().orElseThrow();
        var workerOnFollower = People.staff(signingIn(follower.address()), "social.worker", People.DEMO_PASSWORD);
        var chairOnKeeper = People.staff(signingIn(keeper.address()), "chair", People.DEMO_PASSWORD);
        String socialCare = workerOnFollower.get("/auth/me").json().getString("agencyId");
        String family = "/families/" + meeting.familyId();
        String conference = "/conferences/" + meeting.conferenceId();
        String title = "Ryan is safe at home";
        String goal = DemoFixture.idWhere(chairOnKeeper.post(family + "/plan/goals", json("title", title)).json(), "goals", "title", title);
        String due = LocalDate.now().plusDays(7).toString();
        int signedThenVoided = 0;
        int editFirst = 0;
        int round = 0;
        // At least 12 rounds, and on until each side has won one (40 at most): how the race falls is the machine's choice.
        for (; round < 40 && (round < 12 || signedThenVoided == 0 || editFirst == 0); round++) {
            String words = "Sam visits every week, round " + round;
            var plan = chairOnKeeper.post(family + "/plan/goals/" + goal + "/actions", json("description", words, "ownerKind", "AGENCY",
                    "ownerId", socialCare, "dueOn", due, "status", "AGREED"));
            assertEquals(200, plan.status(), plan::toString);
            String action = plan.json().getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                    .map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(words)).findFirst().orElseThrow().getString("id");
            String hash = signOffOnceItHas(workerOnFollower, conference, action).getString("contentHash");
            // The signature through a node that follows the plan, and an edit of the same words on the node that keeps it:
            // together in even rounds, the edit held back 10 ms more in each odd round (up to 200 ms).
            var start = new CountDownLatch(1);
            long editAfter = round % 2 == 0 ? 0 : Math.min(200, 10L * (round / 2 + 1));
            var signing = CompletableFuture.supplyAsync(() -> {
                await(start);
                return workerOnFollower.post(conference + "/signatures", json("actionId", action, "contentHash", hash));
            });
            var editing = CompletableFuture.supplyAsync(() -> {
                await(start);
                sleep(editAfter);
                return chairOnKeeper.put(family + "/plan/actions/" + action, json("description", words + ", and rings on Fridays",
                        "ownerKind", "AGENCY", "ownerId", socialCare, "dueOn", due, "status", "AGREED"));
            });
            start.countDown();
            Reply signed = signing.join();
            Reply edited = editing.join();
            assertEquals(200, edited.status(), edited::toString);
            var after = signOffOf(workerOnFollower.get(conference + "/sign-off").json(), action);
            // Whoever won: a signature on words that changed after it is voided, visibly, with who changed them.
            if (!"UNSIGNED".equals(after.getString("state"))) {
                assertEquals("NEEDS_NEW_SIGNATURE", after.getString("state"), after::toString);
                assertTrue(after.containsKey("voidReason") && !after.isNull("voidReason")
                        && after.getString("voidReason").contains("Priya Shah"), "a signature on words changed after it, not voided: " + after);
            }
            if (signed.status() == 200) {
                assertEquals("NEEDS_NEW_SIGNATURE", after.getString("state"), "signed, then edited: " + after);
                signedThenVoided++;
            } else if (signed.status() == 409) {
                // The edit came first: the worker is told the words changed, and nothing is signed.
                assertEquals("UNSIGNED", after.getString("state"), after::toString);
                editFirst++;
            }
            // Anything else (a 503: the keeper did not answer in time) decides nothing about the race; the check above still held.
        }
        System.out.println("Signing raced an edit " + round + " times: the signature won " + signedThenVoided + ", the edit "
                + editFirst);
        assertTrue(signedThenVoided > 0 && editFirst > 0, "each side won a round in " + round + " (else the race was not run): the "
                + "signature " + signedThenVoided + ", the edit " + editFirst);
    }

    /** The sign-off as the node reads it, once its copy of the plan has the action (a following copy is told a moment later). */
    private static JsonObject signOffOnceItHas(ApiClient reader, String conference, String action) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            JsonObject signOff = reader.get(conference + "/sign-off").json();
            var found = signOff.getJsonArray("actions").stream().map(v -> v.asJsonObject())
                    .filter(a -> a.getString("actionId").equals(action)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(System.nanoTime() < deadline, "the action is not in the sign-off " + reader.base() + " reads after 5 s: " + signOff);
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject signOffOf(JsonObject signOff, String actionId) {
        return signOff.getJsonArray("actions").stream().map(v -> v.asJsonObject()).filter(a -> a.getString("actionId").equals(actionId))
                .findFirst().orElseThrow(() -> new AssertionError("no action " + actionId + " in " + signOff));
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void every_node_names_the_same_single_owner_for_each_plan_and_plans_are_spread_over_all_three() {
        var admins = adminsOf(List.of(nodeA, nodeB, nodeC));
        var owners = new java.util.HashSet<String>();
        for (int i = 0; i < 48; i++) {
            String family = UUID.randomUUID().toString();
            var named = admins.stream().map(admin -> planOwner(admin, family))
                    .distinct().toList();
            assertEquals(1, named.size(), "every node names the same owner for family " + family + ": " + named);
            owners.add(named.get(0));
        }
        // A node keeping none of 48 plans would happen about once in a hundred million runs.
        assertEquals(java.util.Set.of("node-a", "node-b", "node-c"), owners, "each node keeps some plans");
    }

    /** Which node keeps the family's plan, as the node behind this administrator names it. */
    private static String planOwner(ApiClient admin, String familyId) {
        return admin.get("/admin/cluster?familyId=" + familyId).json().getString("planOwner");
    }

    /** An administrator signed in on each of these nodes, in their order. */
    private static List<ApiClient> adminsOf(List<StandaloneServer> nodes) {
        return nodes.stream().map(node -> People.staff(signingIn(node.address()), "admin", People.DEMO_PASSWORD)).toList();
    }

    private static List<String> members(ApiClient admin) {
        return admin.get("/admin/cluster").json().getJsonArray("members").stream().map(v -> ((jakarta.json.JsonString) v).getString())
                .toList();
    }

    @Test
    void when_the_plans_owner_node_is_killed_mid_typing_every_acknowledged_edit_is_kept_and_everyone_is_back_within_five_seconds()
            throws Exception {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        var admin = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        String owner = planOwner(admin, meeting.familyId());
        StandaloneServer dies = switch (owner) {
            case "node-a" -> nodeA;
            case "node-b" -> nodeB;
            case "node-c" -> nodeC;
            default -> throw new AssertionError("one of the three nodes keeps the plan, not " + owner);
        };
        StandaloneServer survives = dies == nodeA ? nodeB : nodeA;
        var typists = twoTypists(chair, worker, meeting);
        String goal = aGoalBothSee(typists, "Kept");
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
            System.out.println("ClusterIT: after the owner node was killed, " + typists.stream()
                    .map(t -> t.mark + " was back in " + TimeUnit.NANOSECONDS.toMillis(t.confirmedAt - killed) + " ms")
                    .collect(java.util.stream.Collectors.joining(", ")));
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
            bothConverged(typists);
            String title = typists.get(0).client.plan().node(goal).orElseThrow().get(PlanField.TITLE);
            var reader = People.staff(signingIn(survives.address()), "chair", People.DEMO_PASSWORD);
            String stored = storedTitle(reader, meeting, goal);
            assertEquals(title, stored, "the database holds what both see");
            everyWordStoredOnce(typists, 20, stored);
        } finally {
            typists.forEach(t -> t.client.close());
            // The other tests need every node: the dead one comes back (and rejoins the cluster).
            startAgainOnceGone(dies);
        }
    }

    /**
     * An operator restarting a crashed node without waiting for the others to notice the crash. On
     * NAKACK4 (until 2026-12-04) this once wedged the whole cluster (docs/cluster.md).
     */
    @Test
    void a_node_killed_and_started_again_at_once_rejoins_and_the_cluster_carries_a_room_across_all_three() throws Exception {
        var adminOnA = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        nodeC.kill();
        List<String> countedWhenStarted = members(adminOnA);
        nodeC.start();
        System.out.println("ClusterIT: node C started again at once; node A then counted " + countedWhenStarted);
        everyOneCountsTheThreeNodes(List.of(nodeA, nodeB, nodeC), 30, "node C came back");
        aRoomOnNodeAAndTakesGoalsFromBoth(nodeC, "the restarted node C");
    }

    /** Each of these nodes, within so many seconds, counts node-a, node-b and node-c in the cluster, once each. */
    private static void everyOneCountsTheThreeNodes(List<StandaloneServer> nodes, int seconds, String since) throws InterruptedException {
        for (StandaloneServer node : nodes) {
            var admin = People.staff(signingIn(node.address()), "admin", People.DEMO_PASSWORD);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!members(admin).equals(List.of("node-a", "node-b", "node-c"))) {
                assertTrue(System.nanoTime() < deadline, node.address() + " counts " + members(admin) + " " + seconds + " s after " + since);
                Thread.sleep(250);
            }
        }
    }

    /** A room with the chair on node A and a worker on the other node: a goal added through either reaches both. */
    private static void aRoomOnNodeAAndTakesGoalsFromBoth(StandaloneServer other, String otherName) {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(other.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        try (var onA = LiveClient.connect(chair, meeting.conferenceId()); var onOther = LiveClient.connect(worker, meeting.conferenceId())) {
            onA.hello();
            onOther.hello();
            for (ApiClient writer : List.of(chair, worker)) {
                String title = "Added with " + otherName + " in the cluster, through " + writer.base();
                Reply added = writer.post("/families/" + meeting.familyId() + "/plan/goals", json("title", title));
                assertEquals(200, added.status(), added::toString);
                for (var person : List.of(onA, onOther)) {
                    person.nextMatching(m -> person.plan().goals().stream().anyMatch(g -> title.equals(g.get(PlanField.TITLE))), 5);
                }
            }
            assertEquals(onA.plan(), onOther.plan(), "the rooms on node A and on " + otherName + " show the same plan");
        }
    }

    /**
     * A node that hangs (its machine stalls: SIGSTOP, nothing closes) holds up every write to the
     * replicated caches, so every room's signals, until the others drop it. JGroups' default waits
     * 40 s of missed heartbeats; the stacks wait 12 s (FD_ALL3 every 3 s), and VERIFY_SUSPECT2
     * confirms, so it is dropped within 20 s.
     */
    @Test
    void a_node_that_hangs_is_dropped_by_the_others_within_twenty_seconds() throws Exception {
        var adminOnA = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        long frozen = System.nanoTime();
        nodeC.freeze();
        try {
            while (members(adminOnA).contains(nodeC.nodeName()) && System.nanoTime() - frozen < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(200);
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen);
            System.out.println("ClusterIT: node A dropped the hung node C after " + took + " ms");
            assertTrue(took <= 20_000, "node A still counted the hung node C after " + took + " ms (at most 20,000)");
        } finally {
            nodeC.kill();
            startAgainOnceGone(nodeC);
        }
    }

    /**
     * A node that stalls for longer than failure detection waits (a very long GC pause, a virtual
     * machine moved) is dropped, and the others take its entry out of the serving set (decision 17),
     * so they give it no plan. When it wakes it merges back (MERGE3) with its application still
     * running: it must write its entry again, or the others would pass it over for good while it
     * counted itself an owner (found by review of decision 17; this checks it on real nodes).
     */
    @Test
    void a_node_that_stalls_past_failure_detection_merges_back_and_every_node_agrees_it_owns_plans_again() throws Exception {
        var adminOnA = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        var families = java.util.stream.IntStream.range(0, 48).mapToObj(i -> UUID.randomUUID().toString()).toList();
        long frozen = System.nanoTime();
        nodeC.freeze();
        try {
            while (members(adminOnA).contains(nodeC.nodeName())) {
                assertTrue(System.nanoTime() - frozen < TimeUnit.SECONDS.toNanos(60), "node A still counts the stalled node C after 60 s");
                Thread.sleep(200);
            }
            for (String family : families) {
                assertFalse(planOwner(adminOnA, family).equals(nodeC.nodeName()),
                        "node A gives no plan to node C once it has dropped it");
            }
            long woke = System.nanoTime();
            nodeC.thaw();
            everyOneCountsTheThreeNodes(List.of(nodeA, nodeB, nodeC), 90, "node C woke from its stall");
            var admins = adminsOf(List.of(nodeA, nodeB, nodeC));
            String disagreement = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                var owners = new java.util.HashSet<String>();
                disagreement = "";
                for (String family : families) {
                    var named = admins.stream().map(admin -> planOwner(admin, family))
                            .toList();
                    if (named.stream().distinct().count() != 1) {
                        disagreement = "A, B and C name " + named + " for family " + family;
                        break;
                    }
                    owners.add(named.get(0));
                }
                if (disagreement.isEmpty() && owners.contains(nodeC.nodeName())) {
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "30 s after the three counted each other again: "
                        + (disagreement.isEmpty() ? "no node gives node C a plan of 48 (owners " + owners + ")" : disagreement));
                Thread.sleep(500);
            }
            System.out.println("ClusterIT: node C stalled, was dropped after " + TimeUnit.NANOSECONDS.toMillis(woke - frozen)
                    + " ms, and merged back and owned plans again " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - woke) + " ms after it woke");
        } finally {
            // Node C started afresh, whatever happened: the other replicated caches are not reconciled
            // after a merge (docs/cluster.md), and the other tests expect three nodes in step.
            nodeC.kill();
            startAgainOnceGone(nodeC);
        }
    }

    /**
     * A machine that hangs (no socket closes, so the others learn of it only from missed heartbeats)
     * and a replacement started under the same name at once, on another port, while the others still
     * count the hung one (with 12 s failure detection the replacement may join only after the hung one
     * is dropped: both ways must work). On NAKACK4 (until 2026-12-04) a start this soon once wedged the cluster.
     */
    @Test
    void a_node_that_hangs_and_is_replaced_under_the_same_name_before_the_others_drop_it_leaves_every_node_working() throws Exception {
        var adminOnA = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        StandaloneServer replacement = StandaloneServer.clusterNodeFoundThroughTheDatabase("node-c", 800, false)
                .behind(URI.create("http://localhost:8490")).with(GRACE, "3").with(FOLLOW_CHECK, "500").with(VIDEO_SENDERS, "1");
        long frozen = System.nanoTime();
        nodeC.freeze();
        try {
            replacement.start();
            System.out.println("ClusterIT: the replacement of node C answered " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - frozen)
                    + " s after node C hung; node A then counted " + members(adminOnA));
            everyOneCountsTheThreeNodes(List.of(nodeA, nodeB, replacement), 90, "node C was replaced");
            aRoomOnNodeAAndTakesGoalsFromBoth(replacement, "the replacement");
        } finally {
            // Back as the other tests expect: node C on its own port, the replacement gone.
            nodeC.kill();
            replacement.stop();
            replacement.close();
            startAgainOnceGone(nodeC);
        }
    }

    @Test
    void a_rolling_restart_of_each_of_the_three_nodes_in_turn_while_people_type_loses_nothing_and_everyone_converges() throws Exception {
        var chair = People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(nodeB.address()), "social.worker", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        var typists = twoTypists(chair, worker, meeting);
        String goal = aGoalBothSee(typists, "Patched");
        int words = 0;
        try {
            for (StandaloneServer node : List.of(nodeA, nodeB, nodeC)) {
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
            bothConverged(typists);
            var reader = People.staff(signingIn(balancer.address()), "chair", People.DEMO_PASSWORD);
            String stored = stored(reader, meeting, goal, "description");
            assertEquals(typists.get(0).client.plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION), stored, "the database holds what both see");
            assertTrue(words >= 10, "people typed through both restarts: " + words + " rounds");
            everyWordStoredOnce(typists, words, stored);
        } finally {
            typists.forEach(t -> t.client.close());
        }
    }

    /**
     * Patching the node that keeps a plan while people on the two other nodes type into it. It
     * hands the plan over as it stops (PlanHandover): none of them waits on a node that no longer
     * answers (before, up to 10 s, then a reconnect that waited again). A change in flight at the
     * handover may still cost its typist a reconnect, through the balancer, and a resend.
     */
    @Test
    void the_plans_owner_stopped_for_patching_hands_it_over_so_no_one_typing_on_the_other_nodes_waits_more_than_three_seconds()
            throws Exception {
        var adminOnA = People.staff(signingIn(nodeA.address()), "admin", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(People.staff(signingIn(nodeA.address()), "chair", People.DEMO_PASSWORD));
        String owner = planOwner(adminOnA, meeting.familyId());
        var nodes = List.of(nodeA, nodeB, nodeC);
        StandaloneServer stopped = nodes.stream().filter(n -> n.nodeName().equals(owner)).findFirst().orElseThrow();
        var others = nodes.stream().filter(n -> n != stopped).toList();
        var chair = People.staff(signingIn(others.get(0).address()), "chair", People.DEMO_PASSWORD);
        var worker = People.staff(signingIn(others.get(1).address()), "social.worker", People.DEMO_PASSWORD);
        var typists = twoTypists(chair, worker, meeting);
        String goal = aGoalBothSee(typists, "Handed over");
        var longestWait = new java.util.HashMap<String, Long>();
        var waitingSince = new java.util.HashMap<String, Long>();
        int words = 0;
        try {
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(stopped::stop);
            long stoppedAt = 0;
            // Through the stop and 3 s after it: a word each every 200 ms, every wait for a confirmation timed.
            while (stoppedAt == 0 || System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(3)) {
                for (Typist t : typists) {
                    t.type(goal, PlanField.DESCRIPTION, words, meeting.conferenceId());
                }
                words++;
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                while (System.nanoTime() < until) {
                    for (Typist t : typists) {
                        boolean waiting = t.unconfirmed(meeting.conferenceId());
                        long now = System.nanoTime();
                        if (waiting) {
                            long since = waitingSince.computeIfAbsent(t.mark, m -> now);
                            longestWait.merge(t.mark, TimeUnit.NANOSECONDS.toMillis(now - since), Math::max);
                        } else {
                            waitingSince.remove(t.mark);
                        }
                    }
                    Thread.sleep(10);
                }
                if (stoppedAt == 0 && stopping.isDone()) {
                    stoppedAt = System.nanoTime();
                }
                assertTrue(words < 300, "the node took more than a minute to stop");
            }
            stopping.get();
            String console = stopped.console();
            String handover = console.lines().filter(line -> line.contains("handed its")).findFirst().orElse("none");
            // How its stop went, for whoever reads a failure: from the signal to the end (the log is kept across the restart).
            int shutdown = Math.max(0, console.indexOf("WFLYSRV0220"));
            System.out.println("ClusterIT: " + owner + "'s stop:\n" + console.substring(shutdown).lines().limit(80)
                    .collect(java.util.stream.Collectors.joining("\n")));
            System.out.println("ClusterIT: " + owner + " stopped gracefully (" + handover + "); longest wait for a confirmation on the"
                    + " other nodes while it stopped: " + longestWait + " ms");
            assertTrue(handover.contains("Stopping: " + owner + " handed its"), "the stopping node handed its plans over: " + handover);
            for (Typist t : typists) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (t.unconfirmed(meeting.conferenceId()) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertTrue(!t.client.replica.hasUnconfirmed(), t.mark + ": every change confirmed");
            }
            for (Typist t : typists) {
                assertTrue(longestWait.getOrDefault(t.mark, 0L) <= 3000,
                        t.mark + " waited " + longestWait.get(t.mark) + " ms for a change to be confirmed while " + owner + " stopped (at most 3000)");
            }
            bothConverged(typists);
            var reader = People.staff(signingIn(others.get(0).address()), "chair", People.DEMO_PASSWORD);
            String stored = stored(reader, meeting, goal, "description");
            assertEquals(typists.get(0).client.plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION), stored, "the database holds what both see");
            everyWordStoredOnce(typists, words, stored);
        } finally {
            typists.forEach(t -> t.client.close());
            startAgainOnceGone(stopped);
        }
    }

    /**
     * The failure-detection port (FD_SOCK2, 7650 plus the offset) is outside the cluster's encryption.
     * Whoever reaches it sends junk, or connects and drops the connection with a reset as a crash would,
     * or holds connections open: no node may take that as another node's death.
     */
    @Test
    void junk_and_dropped_connections_at_the_failure_detection_ports_make_no_node_drop_another() throws Exception {
        var admins = adminsOf(List.of(nodeA, nodeB, nodeC));
        var random = new java.util.Random(7650);
        var held = new ArrayList<java.net.Socket>();
        try {
            for (int offset : List.of(OFFSET_A, OFFSET_B, OFFSET_C)) {
                for (int i = 0; i < 20; i++) {
                    var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), 7650 + offset);
                    byte[] junk = new byte[1 + random.nextInt(4096)];
                    random.nextBytes(junk);
                    try {
                        socket.getOutputStream().write(junk);
                        socket.getOutputStream().flush();
                    } catch (IOException closedByTheNode) {
                        // The node may hang up on junk at once: that is its right.
                    }
                    if (i % 2 == 0) {
                        socket.setSoLinger(true, 0);
                        socket.close();
                    } else {
                        held.add(socket);
                    }
                }
            }
            // A suspicion is checked (VERIFY_SUSPECT2, 2 s) before anyone is dropped: 6 s would show one.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < until) {
                for (var admin : admins) {
                    assertEquals(List.of("node-a", "node-b", "node-c"), members(admin), "every node still counts all three");
                }
                sleep(250);
            }
        } finally {
            for (var socket : held) {
                socket.close();
            }
        }
    }

    /**
     * An operator may drain a node with ":suspend" before work on it, and ":resume" it if the work is
     * called off. WildFly refuses every run of a scheduled task while the node is suspended (and keeps
     * the schedule), and logged each refusal as an ERROR (WFLYEE0110): twice a second for the follow
     * check alone, an alarm for what the operator asked for. The node must carry on after the resume.
     */
    @Test
    void a_node_suspended_by_its_operator_logs_no_error_for_each_scheduled_run_it_skips_and_serves_after_the_resume() {
        int before = nodeC.console().length();
        nodeC.manage(":suspend");
        // Four runs of the follow check (every 500 ms on these nodes) fall in the suspension.
        sleep(2000);
        nodeC.manage(":resume");
        String meanwhile = nodeC.console().substring(before);
        assertTrue(meanwhile.contains("WFLYSRV0236") || meanwhile.contains("Suspending server"), "node C was suspended:\n" + meanwhile);
        assertFalse(meanwhile.contains("WFLYEE0110"), "no ERROR for the scheduled runs WildFly refused while suspended:\n" + meanwhile);
        var admin = People.staff(signingIn(nodeC.address()), "admin", People.DEMO_PASSWORD);
        assertEquals(List.of("node-a", "node-b", "node-c"), members(admin), "node C serves again and still counts all three");
    }

    /**
     * A node's caches join the cluster while its application is still deploying, some seconds
     * before it listens: had it owned plans from then on, a change or a reconnecting client sent
     * to it would wait for nothing (found in a rolling restart, 2026-12-04). While node C starts
     * again, nodes A and B are asked who owns each of 48 plans, over and over: whenever either
     * names C, C must already have logged that it serves (it logs that before it says so).
     */
    @Test
    void a_node_started_again_owns_no_plan_before_its_application_serves() throws Exception {
        var admins = adminsOf(List.of(nodeA, nodeB));
        var families = java.util.stream.IntStream.range(0, 48).mapToObj(i -> UUID.randomUUID().toString()).toList();
        nodeC.stop();
        CompletableFuture<Void> starting = CompletableFuture.runAsync(nodeC::start);
        int named = 0;
        int namedBeforeServing = 0;
        String firstTooEarly = null;
        try {
            // Until C has started, and then until some plan is C's (it owns about a third of them once it serves).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!starting.isDone() || named == 0) {
                assertTrue(System.nanoTime() < deadline, "node C started and owned no plan within 180 s");
                for (var admin : admins) {
                    for (String family : families) {
                        String owner = planOwner(admin, family);
                        if (owner.equals(nodeC.nodeName())) {
                            named++;
                            // Read after the answer: C logged that it serves before any node could name it.
                            if (!nodeC.console().contains(nodeC.nodeName() + " serves from now on")) {
                                namedBeforeServing++;
                                firstTooEarly = firstTooEarly != null ? firstTooEarly : family;
                            }
                        }
                    }
                }
                Thread.sleep(100);
            }
            starting.get();
        } finally {
            if (!starting.isDone()) {
                starting.get(200, TimeUnit.SECONDS);
            }
        }
        System.out.println("ClusterIT: while node C started, A and B named it an owner " + named + " times, " + namedBeforeServing
                + " of them before it served");
        assertEquals(0, namedBeforeServing, "node C was named the owner of family " + firstTooEarly + " before its application served");
        // And once it serves, the three agree again on each plan's owner (each worked it out from its own copy of the serving set).
        var all = new ArrayList<>(admins);
        all.add(People.staff(signingIn(nodeC.address()), "admin", People.DEMO_PASSWORD));
        long agreeBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> disagreeing = List.of();
        do {
            disagreeing = families.stream().filter(family -> all.stream()
                    .map(admin -> planOwner(admin, family)).distinct().count() > 1)
                    .toList();
        } while (!disagreeing.isEmpty() && System.nanoTime() < agreeBy);
        assertEquals(List.of(), disagreeing, "the nodes name different owners for these families 5 s after node C started");
    }

    @Test
    void a_browser_whose_node_dies_says_reconnecting_then_carries_on_through_the_balancer_keeping_what_was_typed() throws Exception {
        var chair = People.staff(signingIn(balancer.address()), "chair", People.DEMO_PASSWORD);
        Meeting meeting = freshMeeting(chair);
        String title = "Kept when a server dies " + UUID.randomUUID().toString().substring(0, 8);
        Reply made = chair.post("/families/" + meeting.familyId() + "/plan/goals", json("title", title));
        assertEquals(200, made.status(), made::toString);
        String goal = DemoFixture.idWhere(made.json(), "goals", "title", title);
        var nodes = List.of(nodeA, nodeB, nodeC);
        StandaloneServer holding = null;
        try (Browser browser = new Browser(balancer.address())) {
            browser.signInAsStaff("chair");
            browser.open("/conferences/" + meeting.conferenceId() + "/live");
            browser.waitForText(By.id("connection-state"), "Connected");
            // The node the page's live connection went to: the one HAProxy holds a session open to (read twice, to be sure).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<Integer> open = balancer.nodesWithOpenSessions();
            while (open.size() != 1 || !open.equals(balancer.nodesWithOpenSessions())) {
                assertTrue(System.nanoTime() < deadline, "no single node holds the page's live connection: " + open);
                Thread.sleep(200);
                open = balancer.nodesWithOpenSessions();
            }
            holding = nodes.get(open.get(0));
            holding.kill();
            browser.waitForText(By.id("connection-state"), "Reconnecting");
            By field = By.id("f-" + goal + "-TITLE");
            String words = " typed while reconnecting";
            for (int attempt = 1; ; attempt++) {
                try {
                    if (browser.driver().findElements(field).isEmpty()) {
                        browser.openField(goal, "TITLE");
                    }
                    browser.typeAt(field, true, words);
                    break;
                } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                    // The page drew the plan again as it reconnected, before anything was typed: type again.
                    assertTrue(attempt < 5, "the field was drawn again five times over while typing");
                }
            }
            // "Carries on", in its own time: the page waits 1, 2, 4, 8 s between attempts, and a hello with a change in
            // flight may wait 10 s for the plan's owner before it fails (1013). Once (CI, 2026-12-04) 20 s was not enough.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(45))
                    .until(d -> browser.text(By.id("connection-state")).contains("Connected"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> storedTitle(chair, meeting, goal).equals(title + words));
            assertEquals(title + words, browser.value(field), "the page shows what is stored");
        } finally {
            if (holding != null) {
                startAgainOnceGone(holding);
            }
        }
    }

    @Test
    void an_administrator_sees_in_the_pages_which_servers_are_running_and_which_one_answered() {
        try (Browser browser = new Browser(balancer.address())) {
            browser.open("/");
            browser.type(By.id("username"), "admin");
            browser.type(By.id("password"), People.DEMO_PASSWORD);
            browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
            browser.waitForPath("/admin");
            browser.waitForText(By.id("admin-cluster"), "Roundtable is running on 3 servers: node-a, node-b, node-c. This page came from node-");
        }
    }

    private static String storedTitle(ApiClient reader, Meeting meeting, String goal) {
        return stored(reader, meeting, goal, "title");
    }

    /** A field of a goal ("title", "description") as the node the reader asks has the plan. */
    private static String stored(ApiClient reader, Meeting meeting, String goal, String field) {
        return reader.get("/families/" + meeting.familyId() + "/plan").json().getJsonArray("goals").stream().map(g -> g.asJsonObject())
                .filter(g -> g.getString("id").equals(goal)).findFirst().orElseThrow().getString(field);
    }

    /** The chair and the social worker in the meeting's room, each through the node they signed in on. */
    private static List<Typist> twoTypists(ApiClient chair, ApiClient worker, Meeting meeting) {
        var typists = List.of(new Typist("[a", chair.cookie("RT_SESSION"), LiveClient.connect(chair, meeting.conferenceId())),
                new Typist("[b", worker.cookie("RT_SESSION"), LiveClient.connect(worker, meeting.conferenceId())));
        typists.forEach(t -> t.client.hello());
        return typists;
    }

    /** A new goal, made by the first typist and seen by the second; its id. */
    private static String aGoalBothSee(List<Typist> typists, String title) {
        String goal = UUID.randomUUID().toString();
        typists.get(0).client.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), title));
        typists.get(0).client.settle();
        typists.get(1).client.nextMatching(m -> typists.get(1).client.plan().node(goal).isPresent(), 5);
        return goal;
    }

    /** Every word each typist typed ("[a0]" to the round before {@code rounds}) is in the stored text, once. */
    private static void everyWordStoredOnce(List<Typist> typists, int rounds, String stored) {
        for (int i = 0; i < rounds; i++) {
            for (Typist t : typists) {
                String word = t.mark + i + "]";
                assertTrue(stored.contains(word), "every word typed is stored: " + word + " in " + stored);
                assertEquals(stored.indexOf(word), stored.lastIndexOf(word), "and only once: " + word + " in " + stored);
            }
        }
    }

    /** Both have every change of the other's (up to the last revision either has), nothing was refused, and their copies are equal. */
    private static void bothConverged(List<Typist> typists) {
        long last = typists.stream().mapToLong(t -> t.client.replica.revision()).max().orElseThrow();
        for (Typist t : typists) {
            if (t.client.replica.revision() < last) {
                t.client.nextMatching(m -> t.client.replica.revision() >= last, 10);
            }
            assertTrue(t.client.receivedOfType("error").isEmpty(), "nothing was refused: " + t.client.receivedOfType("error"));
        }
        assertEquals(typists.get(0).client.plan(), typists.get(1).client.plan(), "both copies converged");
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
                    // The balancer has not yet noticed the node is gone, the socket closed at once, or the hello was
                    // not settled on the plan's owner in time (1013): again on the next call, as a browser does.
                    if (notYet.getMessage() != null && notYet.getMessage().startsWith("no welcome")) {
                        System.out.println("ClusterIT: " + java.time.LocalTime.now() + " " + mark + " had no welcome on a new connection; connecting again");
                    }
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

    @Test
    void a_hand_raised_by_someone_on_node_a_is_seen_within_one_second_by_someone_in_the_same_room_on_node_b() {
        var meeting = MeetingOnNodes.onNodeA();
        try (var samOnA = meeting.workerOn(nodeA);
                var chairOnB = meeting.chairOn(nodeB)) {
            samOnA.helloTakingRoomChanges();
            chairOnB.helloTakingRoomChanges();
            samOnA.send(type("raiseHand"));
            JsonObject hand = chairOnB.nextMatching(m -> m.getString("type").equals("hand")
                    && m.getString("participantId").equals(meeting.workerInvitee), 1);
            assertTrue(hand.getBoolean("raised"), hand::toString);

            samOnA.send(type("lowerHand"));
            hand = chairOnB.nextMatching(m -> m.getString("type").equals("hand") && m.getString("participantId").equals(meeting.workerInvitee), 1);
            assertEquals(false, hand.getBoolean("raised"), hand::toString);
        }
    }

    @Test
    void presence_of_a_participant_on_node_b_reaches_the_room_on_node_a() {
        var meeting = MeetingOnNodes.onNodeA();
        try (var chairOnA = meeting.chairOn(nodeA)) {
            chairOnA.hello();
            String samsConnection;
            try (var samOnB = meeting.workerOn(nodeB)) {
                samsConnection = samOnB.hello().getString("connectionId");
                JsonObject arrived = chairOnA.nextMatching(m -> m.getString("type").equals("presence")
                        && m.getString("connectionId").equals(samsConnection) && m.get("participant") instanceof JsonObject, 1);
                assertEquals("Sam Okafor", arrived.getJsonObject("participant").getString("name"));

                samOnB.send(Json.createObjectBuilder().add("type", "presence").add("editing",
                        Json.createObjectBuilder().add("id", meeting.goal).add("field", "TITLE")).build());
                JsonObject moved = chairOnA.nextMatching(m -> m.getString("type").equals("presence")
                        && m.getString("connectionId").equals(samsConnection) && m.get("participant") instanceof JsonObject
                        && m.getJsonObject("participant").get("editing") instanceof JsonObject, 1);
                assertEquals(meeting.goal, moved.getJsonObject("participant").getJsonObject("editing").getString("id"));
            }
            chairOnA.nextMatching(m -> m.getString("type").equals("presence") && m.getString("connectionId").equals(samsConnection)
                    && !(m.get("participant") instanceof JsonObject), 1);
        }
    }

    @Test
    void a_private_part_started_on_node_a_pauses_a_kept_out_family_member_connected_to_node_b() {
        var meeting = MeetingOnNodes.onNodeA();
        String jessInvitee = meeting.withAFamilyMember();
        try (var chairOnA = meeting.chairOn(nodeA);
                var jessOnB = meeting.familyMemberOn(nodeB)) {
            chairOnA.hello();
            jessOnB.helloTakingRoomChanges();
            chairOnA.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(jessInvitee)).add("reason", "Police information about a third party").build());
            JsonObject part = jessOnB.nextMatching(m -> m.getString("type").equals("privatePart")
                    && m.get("privatePart") instanceof JsonObject, 1).getJsonObject("privatePart");
            assertTrue(part.getBoolean("youAreExcluded"), part::toString);
            assertTrue(!part.toString().contains("Police"), "the kept out are not told why: " + part);

            jessOnB.send(comment(meeting.goal, "Can I say something?"));
            assertEquals("forbidden", jessOnB.next("error").getString("code"), "node B keeps Jess out of the plan and its comments");

            chairOnA.send(type("endPrivate"));
            jessOnB.nextMatching(m -> m.getString("type").equals("sync"), 1);
            jessOnB.nextMatching(m -> m.getString("type").equals("privatePart") && !(m.get("privatePart") instanceof JsonObject), 1);
            jessOnB.send(comment(meeting.goal, "Thank you, I can say something now"));
            chairOnA.nextMatching(m -> m.getString("type").equals("comment")
                    && m.getJsonObject("comment").getString("text").equals("Thank you, I can say something now"), 1);
        }
    }

    @Test
    void a_comment_made_on_node_a_reaches_the_room_on_node_b() {
        var meeting = MeetingOnNodes.onNodeA();
        try (var chairOnA = meeting.chairOn(nodeA);
                var samOnB = meeting.workerOn(nodeB)) {
            chairOnA.hello();
            samOnB.hello();
            String words = "Ryan's attendance is up to 92% " + UUID.randomUUID();
            chairOnA.send(comment(meeting.goal, words));
            JsonObject comment = samOnB.nextMatching(m -> m.getString("type").equals("comment"), 1).getJsonObject("comment");
            assertEquals(words, comment.getString("text"));
            assertEquals(meeting.goal, comment.getString("nodeId"));
            assertEquals("Priya Shah", comment.getString("author"));
        }
    }

    @Test
    void a_call_between_nodes_is_relayed_through_the_node_of_each_side_and_a_private_part_cuts_it_on_both() {
        var meeting = MeetingOnNodes.onNodeA();
        String jessInvitee = meeting.withAFamilyMember();
        try (var chairOnA = meeting.chairOn(nodeA);
                var jessOnB = meeting.familyMemberOn(nodeB)) {
            String chair = chairOnA.helloTakingRoomChanges().getString("connectionId");
            String jess = jessOnB.helloTakingRoomChanges().getString("connectionId");
            chairOnA.send(joinTheCall());
            // Jess, on the other node, has not joined the call: refused as on one node, not dropped there unanswered.
            chairOnA.send(Json.createObjectBuilder().add("type", "rtc.offer").add("to", jess).add("sdp", SDP).build());
            assertEquals("conflict", chairOnA.next("error").getString("code"));
            jessOnB.send(joinTheCall());
            // Each hears of the other in the call, whichever joined first.
            chairOnA.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(jess), 1);
            jessOnB.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(chair), 1);

            chairOnA.send(Json.createObjectBuilder().add("type", "rtc.offer").add("to", jess).add("sdp", SDP).build());
            JsonObject offer = jessOnB.nextMatching(m -> m.getString("type").equals("rtc.offer"), 1);
            assertEquals(chair, offer.getString("from"), "stamped by the chair's node");
            assertEquals(SDP, offer.getString("sdp"));
            jessOnB.send(Json.createObjectBuilder().add("type", "rtc.answer").add("to", chair).add("sdp", SDP).build());
            assertEquals(jess, chairOnA.nextMatching(m -> m.getString("type").equals("rtc.answer"), 1).getString("from"));

            chairOnA.send(Json.createObjectBuilder().add("type", "rtc.offer").add("to", "no-such-connection").add("sdp", SDP).build());
            assertEquals("unknown-peer", chairOnA.next("error").getString("code"));

            chairOnA.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(jessInvitee)).add("reason", "Police information about a third party").build());
            JsonObject cut = jessOnB.nextMatching(m -> m.getString("type").equals("rtc.hangup") && m.getString("from").equals(chair), 1);
            assertEquals("private-part", cut.getString("reason"));
            chairOnA.nextMatching(m -> m.getString("type").equals("rtc.hangup") && m.getString("from").equals(jess), 1);
            chairOnA.send(Json.createObjectBuilder().add("type", "rtc.offer").add("to", jess).add("sdp", SDP).build());
            assertEquals("forbidden", chairOnA.next("error").getString("code"), "nothing is relayed to someone kept out, on any node");

            chairOnA.send(type("endPrivate"));
            jessOnB.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(chair), 1);
            chairOnA.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(jess), 1);
            assertTrue(jessOnB.receivedOfType("rtc.offer").size() == 1, "the offer made during the private part never reached Jess");

            jessOnB.send(Json.createObjectBuilder().add("type", "media").add("joined", false).add("audio", false).add("video", false)
                    .add("voiceOnly", true).build());
            chairOnA.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(jess) && !m.getBoolean("joined"), 1);
            chairOnA.send(Json.createObjectBuilder().add("type", "rtc.offer").add("to", jess).add("sdp", SDP).build());
            assertEquals("conflict", chairOnA.next("error").getString("code"), "Jess left the call on her node");
        }
    }

    @Test
    void the_video_senders_of_a_room_are_counted_on_every_node() {
        var meeting = MeetingOnNodes.onNodeA();
        meeting.withAFamilyMember();
        try (var chairOnA = meeting.chairOn(nodeA);
                var jessOnB = meeting.familyMemberOn(nodeB)) {
            String chair = chairOnA.helloTakingRoomChanges().getString("connectionId");
            jessOnB.helloTakingRoomChanges();
            jessOnB.send(joinTheCall());
            chairOnA.send(Json.createObjectBuilder().add("type", "media").add("joined", true).add("audio", true).add("video", true)
                    .add("voiceOnly", false).build());
            // Jess hears of the chair's video on her node: her node has been told of it.
            jessOnB.nextMatching(m -> m.getString("type").equals("media") && m.getString("from").equals(chair) && m.getBoolean("video"), 1);

            jessOnB.send(Json.createObjectBuilder().add("type", "media").add("joined", true).add("audio", true).add("video", true)
                    .add("voiceOnly", false).build());
            var refused = jessOnB.next("error");
            assertEquals("conflict", refused.getString("code"));
            assertTrue(refused.getString("message").startsWith("1 people are already sending video"), refused::toString);
        }
    }

    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private static JsonObject joinTheCall() {
        return Json.createObjectBuilder().add("type", "media").add("joined", true).add("audio", true).add("video", false)
                .add("voiceOnly", true).build();
    }

    /**
     * Runs last: it kills node B (SIGKILL, as a machine that dies), and nothing after it may need
     * node B. The cluster sees B gone (JGroups' failure detection, then a new view), and node A
     * takes B's people out of the rooms they were in; the private part the chair on B was running
     * ends after the grace period (3 s here), so Jess, on node A, is not kept out of her plan.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void people_connected_to_a_node_that_dies_leave_the_rooms_on_the_other_node_and_their_chairs_private_part_ends() {
        var meeting = MeetingOnNodes.onNodeA();
        String jessInvitee = meeting.withAFamilyMember();
        try (var jessOnA = meeting.familyMemberOn(nodeA);
                var chairOnB = meeting.chairOn(nodeB);
                var samOnB = meeting.workerOn(nodeB)) {
            jessOnA.helloTakingRoomChanges();
            String chairsConnection = chairOnB.hello().getString("connectionId");
            String samsConnection = samOnB.hello().getString("connectionId");
            var arriving = new java.util.HashSet<>(List.of(chairsConnection, samsConnection));
            jessOnA.nextMatching(m -> {
                if (m.getString("type").equals("presence") && m.get("participant") instanceof JsonObject) {
                    arriving.remove(m.getString("connectionId"));
                }
                return arriving.isEmpty();
            }, 1);
            chairOnB.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(jessInvitee)).add("reason", "Police information about a third party").build());
            jessOnA.nextMatching(m -> m.getString("type").equals("privatePart") && m.get("privatePart") instanceof JsonObject, 1);

            long killed = System.nanoTime();
            nodeB.kill();
            // Both leave, in whichever order the surviving nodes tell it.
            var stillThere = new java.util.HashSet<>(List.of(chairsConnection, samsConnection));
            jessOnA.nextMatching(m -> {
                if (m.getString("type").equals("presence") && !(m.get("participant") instanceof JsonObject)) {
                    stillThere.remove(m.getString("connectionId"));
                }
                return stillThere.isEmpty();
            }, 30);
            long left = System.nanoTime();
            jessOnA.nextMatching(m -> m.getString("type").equals("sync"), 10);
            jessOnA.nextMatching(m -> m.getString("type").equals("privatePart") && !(m.get("privatePart") instanceof JsonObject), 1);
            System.out.printf("ClusterIT: node B's people left node A's room %d ms after node B was killed; the private part ended %d ms after that%n",
                    TimeUnit.NANOSECONDS.toMillis(left - killed), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - left));
        }
        try (var jessAgain = meeting.familyMemberOn(nodeA)) {
            JsonObject room = jessAgain.hello().getJsonObject("room");
            assertTrue(room.getJsonArray("participants").stream().map(JsonObject.class::cast).map(p -> p.getString("name"))
                    .allMatch("Jess Taylor"::equals), "no ghost of node B's people in the room: " + room);
            assertEquals(JsonValue.NULL, room.get("privatePart"), room::toString);
        }
    }

    /**
     * A new family's conference, made on node A: Sam Okafor (social worker) opened the family and
     * is invited, the chair chairs it, and the plan has one goal. Each person signs in on each
     * node they use (a session works on both; separate clients keep the test's requests on the node named).
     */
    private static final class MeetingOnNodes {
        final String family;
        final String conference;
        final String goal;
        final String workerInvitee;
        private final String source;
        /** The chair, signed in on node A. */
        private final ApiClient chairOnA;
        private final String chairSession;
        private final String workerSession;
        private String memberSession;

        private MeetingOnNodes() {
            var random = java.util.concurrent.ThreadLocalRandom.current();
            source = "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
            var chair = onNodeA("chair");
            chairOnA = chair;
            var worker = onNodeA("social.worker");
            chairSession = chair.cookie("RT_SESSION");
            workerSession = worker.cookie("RT_SESSION");
            family = worker.post("/families", json("name", "Cluster room family " + UUID.randomUUID())).json().getString("id");
            conference = chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP", "scheduledStart", "2031-04-01T10:00:00Z"))
                    .json().getString("id");
            String sam = worker.get("/auth/me").json().getString("id");
            Reply invited = chair.post("/conferences/" + conference + "/invitees", json("role", "AGENCY_STAFF", "staffMemberId", sam));
            assertEquals(200, invited.status(), invited::toString);
            workerInvitee = DemoFixture.idWhere(chair.get("/conferences/" + conference).json(), "invitees", "name", "Sam Okafor");
            String title = "Ryan goes to school every day";
            goal = DemoFixture.idWhere(chair.post("/families/" + family + "/plan/goals", json("title", title)).json(), "goals", "title", title);
        }

        static MeetingOnNodes onNodeA() {
            return new MeetingOnNodes();
        }

        /**
         * Someone of this meeting, signed in on node A from the meeting's own address (node A trusts
         * 127.0.0.1 as a proxy): the class signs in on node A so often that one address would be throttled.
         */
        private ApiClient onNodeA(String username) {
            return People.staff(ApiClient.from(nodeA.address(), source), username, People.DEMO_PASSWORD);
        }

        /** Jess Taylor joins the family (her address confirmed), is invited, and signs in with a code; her invitee id. */
        String withAFamilyMember() {
            var chair = chairOnA;
            String memberEmail = "jess." + UUID.randomUUID() + "@example.org";
            Reply added = chair.post("/families/" + family + "/members", json("fullName", "Jess Taylor", "email", memberEmail));
            assertEquals(201, added.status(), added::toString);
            People.confirmAddress(nodeA.address(), memberEmail);
            String member = DemoFixture.idWhere(chair.get("/families/" + family).json(), "members", "fullName", "Jess Taylor");
            Reply invited = chair.post("/conferences/" + conference + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", member));
            assertEquals(200, invited.status(), invited::toString);
            memberSession = People.withCode(ApiClient.from(nodeA.address(), source), memberEmail).cookie("RT_SESSION");
            return DemoFixture.idWhere(chair.get("/conferences/" + conference).json(), "invitees", "name", "Jess Taylor");
        }

        /** The chair's live connection to the room through this node. */
        LiveClient chairOn(StandaloneServer node) {
            return live(chairSession, node);
        }

        LiveClient workerOn(StandaloneServer node) {
            return live(workerSession, node);
        }

        LiveClient familyMemberOn(StandaloneServer node) {
            return live(memberSession, node);
        }

        private LiveClient live(String session, StandaloneServer node) {
            return LiveClient.connect(session, conference, node.address().toString(), node.address());
        }
    }

    private static JsonObject type(String type) {
        return Json.createObjectBuilder().add("type", type).build();
    }

    private static JsonObject comment(String nodeId, String text) {
        return Json.createObjectBuilder().add("type", "comment").add("id", nodeId).add("text", text).build();
    }

    /**
     * Starts a killed node again once the others have dropped it from their view, as an operator
     * must: a node that comes back under the same name before the others saw it go confused
     * JGroups' reliable delivery once in testing (the survivors took its messages for the old
     * node's) and the whole cluster stopped answering.
     */
    private static void startAgainOnceGone(StandaloneServer killed) throws InterruptedException {
        StandaloneServer survivor = List.of(nodeA, nodeB, nodeC).stream().filter(n -> n != killed).findFirst().orElseThrow();
        var admin = People.staff(signingIn(survivor.address()), "admin", People.DEMO_PASSWORD);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (members(admin).contains(killed.nodeName())) {
            assertTrue(System.nanoTime() < deadline, "the others still count " + killed.nodeName() + " in the cluster 90 s after it was killed");
            Thread.sleep(250);
        }
        killed.start();
    }

    /** Stamps every message the stranger sends with SYM_ENCRYPT's header, bearing the key's fingerprint (not the key). */
    private static final class StampingFingerprint extends org.jgroups.stack.Protocol {
        private final byte[] fingerprint;
        private final short symEncrypt = org.jgroups.conf.ClassConfigurator.getProtocolId(org.jgroups.protocols.SYM_ENCRYPT.class);

        StampingFingerprint(byte[] fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public Object down(org.jgroups.Message message) {
            message.putHeader(symEncrypt, new org.jgroups.protocols.EncryptHeader((byte) 0, fingerprint));
            return super.down(message);
        }
    }

    /** A JGroups protocol that only notes who sent what passes it. */
    private static final class HeardFrom extends org.jgroups.stack.Protocol {
        final java.util.Set<org.jgroups.Address> senders = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public Object up(org.jgroups.Message message) {
            senders.add(message.getSrc());
            return super.up(message);
        }

        @Override
        public void up(org.jgroups.util.MessageBatch batch) {
            senders.add(batch.sender());
            super.up(batch);
        }
    }

    /**
     * A client that signs in from an address of its own (the nodes trust 127.0.0.1, the tests and
     * HAProxy, as a proxy): the class signs in so often that one address would be throttled.
     */
    private static ApiClient signingIn(URI node) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return ApiClient.from(node, "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255));
    }

    /** A family and its conference, made for one test. */
    private record Meeting(String familyId, String conferenceId) {
    }

    /** A new family (by the social worker) with a conference the chair chairs, the social worker invited. */
    private static Meeting freshMeeting(ApiClient chair) {
        var worker = People.staff(signingIn(chair.base()), "social.worker", People.DEMO_PASSWORD);
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
