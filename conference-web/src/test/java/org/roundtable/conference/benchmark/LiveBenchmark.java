package org.roundtable.conference.benchmark;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.roundtable.conference.it.BenchmarkServer;

/**
 * The live room under load, measured from outside: real WebSocket clients against a real server
 * on a real PostgreSQL, all on this machine. Each participant types into their own action once
 * a second; every change is on disk before anyone is told of it. Prints latency from an edit to
 * its delivery to the others, acknowledgement latency beside a bare insert-and-commit on the same
 * database, throughput, errors, lost and diverged edits, server CPU per edit (PostgreSQL's
 * included) and heap per idle connection.
 *
 * Scenarios ({@code -Dbench.scenarios}, a comma list): {@code rooms} (200 rooms of 8), {@code big-room} (one room
 * of 300), {@code quiet} (one room of 8 on a quiet server), all three by default; and {@code two-nodes}: 200 rooms
 * of 8 on two nodes of the HA server, each room's participants split between them, its deliveries split into
 * those between people on the same node and those between people on different nodes ({@code all}: every one).
 *
 * Run: mvn -Pbenchmark verify   (options: -Dbench.seconds=30 -Dbench.warmUp=60 -Dbench.rooms=200 -Dbench.participants=8
 * -Dbench.bigRoom=300; -Dbench.serverCpus=0 holds WildFly and PostgreSQL to CPU 0, a taskset list, and the generator
 * to the others; -Dbench.serverJavaOpts="..." adds options to the server's JVM, to try a collector for example;
 * -Dbench.profile=/tmp/server.jfr records the server with JDK Flight Recorder while the rooms of 8 are measured). {@code LiveBenchmarkIT} runs it small in every build, so it cannot rot.
 */
public final class LiveBenchmark {

    /** Every connection on one selector thread. */
    private static LightWebSockets websockets;

    /** One participant: their connection, the action they type into and what the server confirmed. */
    private static final class Participant {
        final String token;
        final UUID conferenceId;
        final String actionId;
        /** The node connected to (0: the only one, or node A; 1: node B). */
        final int node;
        /** The node that owns the room's plan (two nodes), or -1: one node, or not known. */
        volatile int ownerNode = -1;
        LightWebSockets.Connection session;
        volatile long revision;
        volatile String inFlight;
        /** The server closed this participant's connection other than normally. */
        volatile boolean closedAbnormally;
        volatile long inFlightSent;
        volatile String inFlightWord;
        final StringBuilder confirmed = new StringBuilder();
        int next;
        final CountDownLatch welcomed = new CountDownLatch(1);

        Participant(String token, UUID conferenceId, String actionId, int node) {
            this.token = token;
            this.conferenceId = conferenceId;
            this.actionId = actionId;
            this.node = node;
        }
    }

    /** An edit on its way: when, and by whom. */
    private record Sent(long at, Participant by) {
    }

    /** What one scenario measured. */
    private static final class Run {
        final Percentiles delivery = new Percentiles();
        final Percentiles ack = new Percentiles();
        /** On two nodes: deliveries between people on the same node, and on different nodes. */
        final Percentiles sameNode = new Percentiles();
        final Percentiles crossNode = new Percentiles();
        /** On two nodes: deliveries by path, [sender on the owner][receiver on the owner] (0 no, 1 yes). */
        final Percentiles[][] byPath = {{new Percentiles(), new Percentiles()}, {new Percentiles(), new Percentiles()}};
        /** On two nodes: acknowledgements to people on the plan's owner node [1] and on the other [0]. */
        final Percentiles[] ackByOwner = {new Percentiles(), new Percentiles()};
        final AtomicLong applied = new AtomicLong();
        final AtomicLong deliveries = new AtomicLong();
        /** Error messages (a change refused or not stored) and connections closed other than normally. */
        final AtomicLong refused = new AtomicLong();
        final AtomicLong closed = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final Map<String, Sent> sentAt = new ConcurrentHashMap<>();
        volatile boolean measuring;

        long errors() {
            return refused.get() + closed.get();
        }
    }

    /** The scenarios, as -Dbench.scenarios names them. */
    static final String ROOMS = "rooms";
    static final String BIG_ROOM = "big-room";
    static final String QUIET = "quiet";
    static final String TWO_NODES = "two-nodes";
    /** What runs when -Dbench.scenarios is not given: the one-node scenarios (two nodes add a cluster's boot). */
    static final String DEFAULT_SCENARIOS = ROOMS + "," + BIG_ROOM + "," + QUIET;

    /**
     * Typing before each scenario is measured. A freshly started node is still compiling its hot
     * code for a while: after 10 s (the default until 2026-12-03) the JIT's compiler threads used
     * half of a two-node scenario's WildFly CPU inside the measured window (JFR); after 60 s the
     * figures are those of a running server.
     */
    static final int WARM_UP_SECONDS = 60;

    /** How long to measure and how big each scenario is. */
    record Settings(int seconds, int warmUpSeconds, int rooms, int participants, int bigRoom, String serverCpus, String serverJavaOptions,
            String profile, java.util.Set<String> scenarios) {

        Settings(int seconds, int warmUpSeconds, int rooms, int participants, int bigRoom) {
            this(seconds, warmUpSeconds, rooms, participants, bigRoom, null, "", null, scenarios(DEFAULT_SCENARIOS));
        }

        static Settings fromSystemProperties() {
            String scenarios = blankToNull(System.getProperty("bench.scenarios"));
            return new Settings(Integer.getInteger("bench.seconds", 30), Integer.getInteger("bench.warmUp", WARM_UP_SECONDS),
                    Integer.getInteger("bench.rooms", 200), Integer.getInteger("bench.participants", 8),
                    Integer.getInteger("bench.bigRoom", 300), blankToNull(System.getProperty("bench.serverCpus")),
                    System.getProperty("bench.serverJavaOpts", "").strip(), blankToNull(System.getProperty("bench.profile")),
                    scenarios(scenarios == null ? DEFAULT_SCENARIOS : scenarios));
        }

        /** "rooms,two-nodes" as a set; "all" is every scenario; a name not known is refused, not ignored. */
        static java.util.Set<String> scenarios(String list) {
            var known = java.util.List.of(ROOMS, BIG_ROOM, QUIET, TWO_NODES);
            var chosen = new java.util.LinkedHashSet<String>();
            for (String name : list.split(",")) {
                String n = name.strip();
                if (n.equals("all")) {
                    chosen.addAll(known);
                } else if (known.contains(n)) {
                    chosen.add(n);
                } else if (!n.isEmpty()) {
                    throw new IllegalArgumentException("bench.scenarios: no scenario " + n + " (there are " + known + " and all)");
                }
            }
            return java.util.Collections.unmodifiableSet(chosen);
        }

        boolean runs(String scenario) {
            return scenarios.contains(scenario);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        /** How many CPUs the server may use: those listed, or the whole machine. */
        int serverCpuCount() {
            if (serverCpus == null) {
                return Runtime.getRuntime().availableProcessors();
            }
            int count = 0;
            for (String part : serverCpus.split(",")) {
                String[] range = part.strip().split("-");
                count += Integer.parseInt(range[range.length - 1]) - Integer.parseInt(range[0]) + 1;
            }
            return count;
        }
    }

    /** What one scenario found: its part of the report, and the counts a test of the benchmark checks. */
    record Outcome(String name, long applied, long errors, int lost, int diverged, String report) {
    }

    public static void main(String[] args) throws Exception {
        var report = new StringBuilder();
        int status = 1;
        try {
            run(Settings.fromSystemProperties(), report);
            status = 0;
        } catch (Exception | Error e) {
            // A server that did not start, say: what was measured before it is still printed.
            e.printStackTrace();
        } finally {
            try {
                System.out.println(report);
                Files.writeString(Path.of("target", "benchmark.txt"), report);
            } finally {
                // WebSocket client threads and servers still running would keep the JVM (and the build lock) alive.
                System.exit(status);
            }
        }
    }

    /**
     * Starts the server, runs the scenarios chosen, writes the report and returns what each found.
     * The one-node scenarios run on one server, which is stopped before the two nodes start.
     */
    static List<Outcome> run(Settings settings, StringBuilder report) throws Exception {
        // Labels of this run's people and rooms: a database may already hold an earlier run's.
        String runLabel = Long.toString(System.currentTimeMillis(), 36);
        var outcomes = new ArrayList<Outcome>();
        int machineCpus = Runtime.getRuntime().availableProcessors();
        report.append(String.format("Roundtable live benchmark, %s, %d cores, %s; scenarios: %s%n", java.time.LocalDate.now(),
                machineCpus, System.getProperty("java.version"), String.join(", ", settings.scenarios())));
        report.append(settings.serverCpus() == null
                ? "WildFly, PostgreSQL and the load generator share every core\n"
                : String.format("WildFly and PostgreSQL held to CPU %s (%d core%s), the load generator on the others%n",
                        settings.serverCpus(), settings.serverCpuCount(), settings.serverCpuCount() == 1 ? "" : "s"));
        if (!settings.serverJavaOptions().isEmpty()) {
            report.append("Server JVM options added: ").append(settings.serverJavaOptions()).append('\n');
        }
        report.append('\n');
        boolean bareInsertMeasured = false;
        try (var clients = new LightWebSockets()) {
            websockets = clients;
            if (settings.runs(ROOMS) || settings.runs(BIG_ROOM) || settings.runs(QUIET)) {
                try (var server = BenchmarkServer.start(settings.serverCpus(), settings.serverJavaOptions());
                        var db = DriverManager.getConnection(server.databaseUrl(), server.databaseUser(), server.databasePassword())) {
                    report.append(bareInsert(db));
                    bareInsertMeasured = true;
                    if (settings.runs(ROOMS)) {
                        var seeded = BenchmarkSeed.seed(db, "a-" + runLabel, settings.rooms(), settings.participants());
                        long heapBefore = server.heapUsedAfterGc();
                        List<Participant> people = connect(server, seeded, settings.participants());
                        long heapAfter = server.heapUsedAfterGc();
                        report.append(String.format("Heap per idle connection: %.1f KiB (%d connections joined, heap after GC %d -> %d MiB)%n%n",
                                (heapAfter - heapBefore) / 1024.0 / people.size(), people.size(), heapBefore >> 20, heapAfter >> 20));
                        outcomes.add(scenario(server, db, settings.rooms() + " rooms x " + settings.participants()
                                + " participants, 1 edit/s each", people, settings));
                        people.forEach(LiveBenchmark::close);
                    }
                    if (settings.runs(BIG_ROOM)) {
                        var big = BenchmarkSeed.seed(db, "b-" + runLabel, 1, settings.bigRoom());
                        List<Participant> crowd = connect(server, big, settings.bigRoom());
                        outcomes.add(scenario(server, db, "1 room x " + settings.bigRoom() + " participants, 1 edit/s each", crowd, settings));
                        crowd.forEach(LiveBenchmark::close);
                    }
                    if (settings.runs(QUIET)) {
                        // One conference on an otherwise quiet server: what a room feels like on most days.
                        var quiet = BenchmarkSeed.seed(db, "c-" + runLabel, 1, settings.participants());
                        List<Participant> conference = connect(server, quiet, settings.participants());
                        outcomes.add(scenario(server, db, "1 room x " + settings.participants()
                                + " participants on a quiet server, 1 edit/s each", conference, settings));
                        conference.forEach(LiveBenchmark::close);
                    }
                }
            }
            if (settings.runs(TWO_NODES)) {
                if (!BenchmarkServer.twoNodesAvailable()) {
                    throw new IllegalStateException("two nodes need the HA server (roundtable.ha.home): build wildfly-config first");
                }
                try (var cluster = BenchmarkServer.startTwoNodes(settings.serverCpus(), settings.serverJavaOptions());
                        var db = DriverManager.getConnection(cluster.databaseUrl(), cluster.databaseUser(), cluster.databasePassword())) {
                    if (!bareInsertMeasured) {
                        report.append(bareInsert(db));
                    }
                    var seeded = BenchmarkSeed.seed(db, "d-" + runLabel, settings.rooms(), settings.participants());
                    List<Participant> people = connect(cluster, seeded, settings.participants());
                    String owners = findOwners(cluster, db, runLabel, seeded, people);
                    outcomes.add(scenario(cluster, db, settings.rooms() + " rooms x " + settings.participants()
                            + " participants on two nodes (each room's people split between node A and node B), 1 edit/s each; "
                            + owners, people, settings));
                    people.forEach(LiveBenchmark::close);
                }
            }
        }
        outcomes.forEach(o -> report.append(o.report()));
        return outcomes;
    }

    /**
     * Asks node A which node owns each room's plan (GET /api/admin/cluster?familyId=..., as an
     * administrator made for this run) and notes it on each participant; says how the plans are spread.
     */
    private static String findOwners(BenchmarkServer cluster, Connection db, String runLabel, BenchmarkSeed.Seeded seeded,
            List<Participant> people) throws Exception {
        String admin = BenchmarkSeed.administrator(db, "d-" + runLabel);
        var http = java.net.http.HttpClient.newHttpClient();
        Map<UUID, Integer> ownerOfConference = new java.util.HashMap<>();
        int[] owned = new int[2];
        for (var room : seeded.rooms()) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(cluster.address(0).resolve("/api/admin/cluster?familyId=" + room.familyId()))
                    .header("Cookie", "RT_SESSION=" + admin).header("Accept", "application/json").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/admin/cluster answered " + response.statusCode() + ": " + response.body());
            }
            String owner;
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                owner = reader.readObject().getString("planOwner", "");
            }
            int node = owner.equals(cluster.nodeName(0)) ? 0 : owner.equals(cluster.nodeName(1)) ? 1 : -1;
            if (node < 0) {
                throw new IllegalStateException("the plan's owner is " + owner + ", neither node");
            }
            owned[node]++;
            ownerOfConference.put(room.conferenceId(), node);
        }
        for (Participant person : people) {
            person.ownerNode = ownerOfConference.get(person.conferenceId);
        }
        return String.format("plans owned: %d by node A, %d by node B", owned[0], owned[1]);
    }

    /** A single-row insert and commit, 2000 back to back on the idle database: the quickest a commit gets here. */
    private static String bareInsert(Connection db) throws Exception {
        db.setAutoCommit(true);
        try (var s = db.createStatement()) {
            s.execute("create table if not exists bench_probe (id bigserial primary key, v text)");
        }
        var p = new Percentiles();
        try (var insert = db.prepareStatement("insert into bench_probe (v) values (?)")) {
            for (int i = 0; i < 2000; i++) {
                long t = System.nanoTime();
                insert.setString(1, "probe " + i);
                insert.executeUpdate();
                p.add((System.nanoTime() - t) / 1000);
            }
        }
        barePostgresP50 = p.millis(50);
        return String.format("Bare single-row insert-and-commit on the same PostgreSQL, idle, back to back: p50 %.2f ms, p99 %.2f ms%n%n", p.millis(50), p.millis(99));
    }

    private static double barePostgresP50;

    /** Everyone in, each on the server's nodes in turn (on two nodes: the first of each room on A, the second on B, ...). */
    private static List<Participant> connect(BenchmarkServer server, BenchmarkSeed.Seeded seeded, int perRoom) throws Exception {
        List<Participant> people = new ArrayList<>();
        for (var room : seeded.rooms()) {
            for (int p = 0; p < perRoom; p++) {
                people.add(new Participant(seeded.sessionTokens().get(p), room.conferenceId(), room.actions().get(p).toString(),
                        p % server.nodeCount()));
            }
        }
        for (Participant person : people) {
            open(server, person);
        }
        for (Participant person : people) {
            if (!person.welcomed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a participant was not welcomed");
            }
        }
        return people;
    }

    private static void open(BenchmarkServer server, Participant person) throws Exception {
        URI address = server.address(person.node);
        URI uri = URI.create(address.toString().replace("http", "ws") + "/live/conferences/" + person.conferenceId);
        person.session = websockets.connect(uri, Map.of("Cookie", "RT_SESSION=" + person.token, "Origin", address.toString()),
                new LightWebSockets.Listener() {
                    @Override
                    public void onText(String text) {
                        receive(person, text, currentRun);
                    }

                    @Override
                    public void onClose(int code) {
                        if (code != 1000) {
                            person.closedAbnormally = true;
                            currentRun.closed.incrementAndGet();
                        }
                    }
                });
        person.session.sendText("{\"type\":\"hello\",\"v\":1}");
    }

    /** The scenario being run: messages count towards it. */
    private static volatile Run currentRun = new Run();

    /** Reads only what it needs from each message, so the generator stays light. */
    private static void receive(Participant person, String text, Run run) {
        if (text.startsWith("{\"type\":\"batch\"")) {
            forEachInBatch(text, message -> receive(person, message, run));
            return;
        }
        long now = System.nanoTime();
        if (text.startsWith("{\"type\":\"applied\"")) {
            String changeId = field(text, "\"changeId\":\"", '"');
            long revision = Long.parseLong(field(text, "\"revision\":", ','));
            if (revision > person.revision) {
                person.revision = revision;
            }
            if (changeId.equals(person.inFlight)) {
                person.confirmed.append(person.inFlightWord);
                if (run.measuring) {
                    long micros = (now - person.inFlightSent) / 1000;
                    run.ack.add(micros);
                    if (person.ownerNode >= 0) {
                        run.ackByOwner[person.node == person.ownerNode ? 1 : 0].add(micros);
                    }
                    run.applied.incrementAndGet();
                }
                person.inFlight = null;
            } else {
                Sent sent = run.sentAt.get(changeId);
                if (sent != null && run.measuring) {
                    long micros = (now - sent.at()) / 1000;
                    run.delivery.add(micros);
                    run.deliveries.incrementAndGet();
                    if (person.ownerNode >= 0) {
                        (sent.by().node == person.node ? run.sameNode : run.crossNode).add(micros);
                        run.byPath[sent.by().node == person.ownerNode ? 1 : 0][person.node == person.ownerNode ? 1 : 0].add(micros);
                    }
                }
            }
        } else if (text.startsWith("{\"type\":\"welcome\"")) {
            try (var reader = Json.createReader(new StringReader(text))) {
                person.revision = reader.readObject().getJsonNumber("revision").longValue();
            }
            person.welcomed.countDown();
        } else if (text.startsWith("{\"type\":\"error\"")) {
            run.refused.incrementAndGet();
            if (text.contains(String.valueOf(person.inFlight))) {
                person.inFlight = null;
            }
        }
    }

    /** The messages of a batch frame, found by counting braces outside strings: no full JSON parse. */
    static void forEachInBatch(String frame, java.util.function.Consumer<String> each) {
        int i = frame.indexOf('[', frame.indexOf("\"messages\":")) + 1;
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}') {
                if (--depth == 0) {
                    each.accept(frame.substring(start, i + 1));
                }
            } else if (c == ']' && depth == 0) {
                return;
            }
        }
    }

    private static String field(String text, String key, char end) {
        int start = text.indexOf(key) + key.length();
        return text.substring(start, text.indexOf(end, start));
    }

    private static Outcome scenario(BenchmarkServer server, Connection db, String name, List<Participant> people, Settings settings)
            throws Exception {
        int seconds = settings.seconds();
        Run run = new Run();
        currentRun = run;
        ScheduledExecutorService typing = Executors.newScheduledThreadPool(2);
        var random = new Random(42);
        for (Participant person : people) {
            typing.scheduleAtFixedRate(() -> type(person, run), random.nextInt(1000), 1000, TimeUnit.MILLISECONDS);
        }
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.warmUpSeconds());
        String writerSamples = "";
        if (server.nodeCount() > 1 || name.startsWith(settings.rooms() + " rooms")) {
            // Where each node's plan writer spends its time under this load, looked at during the
            // warm-up so that the looking stays out of the measured figures.
            var samples = new StringBuilder();
            long each = Math.max(500, TimeUnit.NANOSECONDS.toMillis(warmUpEnd - System.nanoTime()) / server.nodeCount() - 1500);
            for (int node = 0; node < server.nodeCount(); node++) {
                samples.append(String.format("  plan writer thread of %s, during the warm-up: %s%n",
                        server.nodeCount() == 1 ? "the server" : "node " + (char) ('A' + node),
                        WriterThreadSamples.sample(server.javaPid(node), each)));
            }
            writerSamples = samples.toString();
        }
        long toWait = warmUpEnd - System.nanoTime();
        if (toWait > 0) {
            TimeUnit.NANOSECONDS.sleep(toWait);
        }
        double[] nodesBefore = nodeCpuSeconds(server);
        double wildflyBefore = server.wildflyCpuSeconds();
        double postgresBefore = server.postgresCpuSeconds();
        double kernelBefore = server.wildflyKernelSeconds();
        long[] databaseBefore = databaseCounters(db);
        double generatorBefore = generatorCpuSeconds();
        run.measuring = true;
        long start = System.nanoTime();
        if (settings.profile() != null && name.startsWith(settings.rooms() + " rooms")) {
            server.recordProfile(settings.profile(), seconds);
        }
        Percentiles alongside = insertsAlongside(server, seconds);
        run.measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double wildfly = server.wildflyCpuSeconds() - wildflyBefore;
        double postgres = server.postgresCpuSeconds() - postgresBefore;
        double cpu = wildfly + postgres;
        double kernel = server.wildflyKernelSeconds() - kernelBefore;
        double[] nodesAfter = nodeCpuSeconds(server);
        long[] databaseAfter = databaseCounters(db);
        double generatorCpu = generatorCpuSeconds() - generatorBefore;
        typing.shutdown();
        typing.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (people.stream().anyMatch(p -> p.inFlight != null) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int lost = 0;
        int diverged = 0;
        // Closed (abnormally) with an edit unconfirmed: stored or not, both are right.
        int storedUnconfirmed = 0;
        try (var read = db.prepareStatement("select description from plan_action where id = ?::uuid")) {
            for (Participant person : people) {
                read.setString(1, person.actionId);
                try (var rs = read.executeQuery()) {
                    rs.next();
                    String stored = rs.getString(1);
                    String expected = person.confirmed.toString();
                    // Only a closed connection excuses it: on an open one, a change stored and never confirmed is a fault.
                    String inFlightWord = person.inFlight == null || !person.closedAbnormally ? null : person.inFlightWord;
                    if (inFlightWord != null && stored.equals(expected + inFlightWord)) {
                        storedUnconfirmed++;
                    } else if (!stored.equals(expected)) {
                        diverged++;
                    }
                    for (String word : expected.split("(?=<)")) {
                        if (!word.isEmpty() && !stored.contains(word)) {
                            lost++;
                        }
                    }
                }
            }
        }
        long applied = run.applied.get();
        String twoNodes = "";
        if (server.nodeCount() > 1) {
            // What the nodes keep after the run: among it, every signal of the last minute (ClusterSignals keeps each entry a minute).
            long heapA = server.heapUsedAfterGc(0);
            long heapB = server.heapUsedAfterGc(1);
            twoNodes = String.format("""
                      same-node deliveries:  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d)
                      cross-node deliveries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d)
                      cross-node adds %.1f ms at p50, %.1f ms at p95, %.1f ms at p99
                      by path (sender's node -> receiver's node): owner -> owner p50 %.1f / p99 %.1f ms (%d); owner -> other p50 %.1f / p99 %.1f ms (%d);
                        other -> owner p50 %.1f / p99 %.1f ms (%d); other -> other (the same node, through the owner) p50 %.1f / p99 %.1f ms (%d)
                      acknowledgement on the plan's owner node: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d); on the other node (sent to the owner): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d)
                      WildFly CPU per edit by node: node A %.3f ms, node B %.3f ms; heap after GC once typing stopped: node A %d MiB, node B %d MiB
                    """, run.sameNode.millis(50), run.sameNode.millis(95), run.sameNode.millis(99), run.sameNode.count(),
                    run.crossNode.millis(50), run.crossNode.millis(95), run.crossNode.millis(99), run.crossNode.count(),
                    run.crossNode.millis(50) - run.sameNode.millis(50), run.crossNode.millis(95) - run.sameNode.millis(95),
                    run.crossNode.millis(99) - run.sameNode.millis(99),
                    run.byPath[1][1].millis(50), run.byPath[1][1].millis(99), run.byPath[1][1].count(),
                    run.byPath[1][0].millis(50), run.byPath[1][0].millis(99), run.byPath[1][0].count(),
                    run.byPath[0][1].millis(50), run.byPath[0][1].millis(99), run.byPath[0][1].count(),
                    run.byPath[0][0].millis(50), run.byPath[0][0].millis(99), run.byPath[0][0].count(),
                    run.ackByOwner[1].millis(50), run.ackByOwner[1].millis(95), run.ackByOwner[1].millis(99), run.ackByOwner[1].count(),
                    run.ackByOwner[0].millis(50), run.ackByOwner[0].millis(95), run.ackByOwner[0].millis(99), run.ackByOwner[0].count(),
                    perEdit(nodesAfter[0] - nodesBefore[0], applied), perEdit(nodesAfter[1] - nodesBefore[1], applied), heapA >> 20, heapB >> 20);
        }
        return new Outcome(name, applied, run.errors(), lost, diverged, String.format("""
                %s (%d connections, %.0f s measured after %d s of typing)
                  edit-to-delivery latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d deliveries)
                  acknowledgement latency:  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, slowest %.0f ms
                  bare insert-and-commit alongside (%d, on their own connection): p50 %.2f ms, p99 %.2f ms
                  acknowledgement p50 / bare insert p50: %.1fx the insert alongside, %.1fx the insert on an idle database
                  throughput: %.0f edits/s applied, %.0f deliveries/s
                  errors: %d (refused or not stored: %d, connections closed abnormally: %d), edits skipped because the previous one was not yet confirmed: %d
                  lost edits: %d, diverged participants: %d (and %d whose connection closed before their last edit was confirmed, which was stored)
                  server CPU per edit: %.3f ms (WildFly %.3f + PostgreSQL %.3f; %.1f CPU-seconds, %.0f%% of the server's %d core%s); the generator used %.0f%% of one core
                  WildFly's time in the kernel: %.0f%%; per edit, PostgreSQL committed %.2f transactions and updated %.2f rows (%.0f%% in place, HOT)
                %s%s%n""", name, people.size(), elapsed, settings.warmUpSeconds(), run.delivery.millis(50), run.delivery.millis(95), run.delivery.millis(99),
                run.delivery.count(), run.ack.millis(50), run.ack.millis(95), run.ack.millis(99), run.ack.millis(100), alongside.count(), alongside.millis(50), alongside.millis(99),
                run.ack.millis(50) / alongside.millis(50), run.ack.millis(50) / barePostgresP50,
                applied / elapsed, run.deliveries.get() / elapsed, run.errors(), run.refused.get(), run.closed.get(), run.skipped.get(), lost, diverged,
                storedUnconfirmed, perEdit(cpu, applied), perEdit(wildfly, applied), perEdit(postgres, applied), cpu,
                cpu * 100 / elapsed / settings.serverCpuCount(), settings.serverCpuCount(), settings.serverCpuCount() == 1 ? "" : "s",
                generatorCpu * 100 / elapsed, kernel * 100 / wildfly,
                perEdit(databaseAfter[0] - databaseBefore[0], applied) / 1000, perEdit(databaseAfter[1] - databaseBefore[1], applied) / 1000,
                (databaseAfter[2] - databaseBefore[2]) * 100.0 / Math.max(1, databaseAfter[1] - databaseBefore[1]), twoNodes, writerSamples));
    }

    /** Each node's JVM CPU seconds so far. */
    private static double[] nodeCpuSeconds(BenchmarkServer server) {
        double[] seconds = new double[server.nodeCount()];
        for (int node = 0; node < seconds.length; node++) {
            seconds[node] = server.wildflyCpuSeconds(node);
        }
        return seconds;
    }

    /** The database's commits, rows updated and rows updated in place (HOT) so far, from PostgreSQL's statistics. */
    private static long[] databaseCounters(Connection db) throws Exception {
        db.setAutoCommit(true);
        try (var s = db.createStatement()) {
            // Statistics reach the view a little late; this asks for a fresh read.
            s.execute("select pg_stat_clear_snapshot()");
            try (var rs = s.executeQuery("select (select xact_commit from pg_stat_database where datname = current_database()),"
                    + " coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_hot_upd), 0) from pg_stat_user_tables")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    /** CPU milliseconds per applied edit. */
    private static double perEdit(double cpuSeconds, long applied) {
        return applied == 0 ? Double.NaN : cpuSeconds * 1000 / applied;
    }

    /**
     * Single-row inserts and commits, 50 a second on a connection of their own, while the
     * scenario runs: the floor for a durable acknowledgement under the same load on the same
     * database (an idle database in a tight loop, as measured first, is quicker than any loaded one).
     */
    private static Percentiles insertsAlongside(BenchmarkServer server, int seconds) throws Exception {
        var p = new Percentiles();
        try (var db = DriverManager.getConnection(server.databaseUrl(), server.databaseUser(), server.databasePassword());
                var insert = db.prepareStatement("insert into bench_probe (v) values (?)")) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int i = 0; System.nanoTime() < end; i++) {
                Thread.sleep(20);
                long t = System.nanoTime();
                insert.setString(1, "alongside " + i);
                insert.executeUpdate();
                p.add((System.nanoTime() - t) / 1000);
            }
        }
        return p;
    }

    private static double generatorCpuSeconds() {
        return ProcessCpu.seconds(List.of(ProcessHandle.current().pid()));
    }

    /** One keystroke burst: a word at the end of the participant's own action. */
    private static void type(Participant person, Run run) {
        if (person.inFlight != null) {
            if (run.measuring) {
                run.skipped.incrementAndGet();
            }
            return;
        }
        String word = "<" + (person.next++) + ">";
        String changeId = UUID.randomUUID().toString();
        int length = person.confirmed.length();
        // Written by hand: the words and ids need no escaping, and the generator must stay light.
        String text = length == 0 ? "[\"" + word + "\"]" : "[" + length + ",\"" + word + "\"]";
        String message = "{\"type\":\"submit\",\"changeId\":\"" + changeId + "\",\"baseRevision\":" + person.revision
                + ",\"ops\":[{\"op\":\"edit\",\"id\":\"" + person.actionId + "\",\"field\":\"DESCRIPTION\",\"text\":" + text + "}]}";
        person.inFlight = changeId;
        person.inFlightWord = word;
        person.inFlightSent = System.nanoTime();
        run.sentAt.put(changeId, new Sent(person.inFlightSent, person));
        person.session.sendText(message);
    }

    private static void close(Participant person) {
        person.session.close();
    }

    private LiveBenchmark() {
    }
}
