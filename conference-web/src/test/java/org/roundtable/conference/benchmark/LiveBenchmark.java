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
 * Scenarios: 200 rooms of 8, one room of 300, and one room of 8 on a quiet server.
 *
 * Run: mvn -Pbenchmark verify   (options: -Dbench.seconds=30 -Dbench.warmUp=10 -Dbench.rooms=200 -Dbench.participants=8
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
        LightWebSockets.Connection session;
        volatile long revision;
        volatile String inFlight;
        volatile long inFlightSent;
        volatile String inFlightWord;
        final StringBuilder confirmed = new StringBuilder();
        int next;
        final CountDownLatch welcomed = new CountDownLatch(1);

        Participant(String token, UUID conferenceId, String actionId) {
            this.token = token;
            this.conferenceId = conferenceId;
            this.actionId = actionId;
        }
    }

    /** What one scenario measured. */
    private static final class Run {
        final Percentiles delivery = new Percentiles();
        final Percentiles ack = new Percentiles();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong deliveries = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        volatile boolean measuring;
    }

    /** How long to measure and how big each scenario is. */
    record Settings(int seconds, int warmUpSeconds, int rooms, int participants, int bigRoom, String serverCpus, String serverJavaOptions,
            String profile) {

        Settings(int seconds, int warmUpSeconds, int rooms, int participants, int bigRoom) {
            this(seconds, warmUpSeconds, rooms, participants, bigRoom, null, "", null);
        }

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.seconds", 30), Integer.getInteger("bench.warmUp", 10),
                    Integer.getInteger("bench.rooms", 200), Integer.getInteger("bench.participants", 8),
                    Integer.getInteger("bench.bigRoom", 300), blankToNull(System.getProperty("bench.serverCpus")),
                    System.getProperty("bench.serverJavaOpts", "").strip(), blankToNull(System.getProperty("bench.profile")));
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
        run(Settings.fromSystemProperties(), report);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark.txt"), report);
        // WebSocket client threads would keep the JVM alive.
        System.exit(0);
    }

    /** Starts the server, runs the three scenarios, writes the report and returns what each found. */
    static List<Outcome> run(Settings settings, StringBuilder report) throws Exception {
        // Labels of this run's people and rooms: a database may already hold an earlier run's.
        String runLabel = Long.toString(System.currentTimeMillis(), 36);
        var outcomes = new ArrayList<Outcome>();
        int machineCpus = Runtime.getRuntime().availableProcessors();
        try (var server = BenchmarkServer.start(settings.serverCpus(), settings.serverJavaOptions()); var clients = new LightWebSockets();
                var db = DriverManager.getConnection(server.databaseUrl(), server.databaseUser(), server.databasePassword())) {
            websockets = clients;
            report.append(String.format("Roundtable live benchmark, %s, %d cores, %s%n", java.time.LocalDate.now(),
                    machineCpus, System.getProperty("java.version")));
            report.append(settings.serverCpus() == null
                    ? "WildFly, PostgreSQL and the load generator share every core\n"
                    : String.format("WildFly and PostgreSQL held to CPU %s (%d core%s), the load generator on the others%n",
                            settings.serverCpus(), settings.serverCpuCount(), settings.serverCpuCount() == 1 ? "" : "s"));
            if (!settings.serverJavaOptions().isEmpty()) {
                report.append("Server JVM options added: ").append(settings.serverJavaOptions()).append('\n');
            }
            report.append('\n');
            report.append(bareInsert(db));

            var seeded = BenchmarkSeed.seed(db, "a-" + runLabel, settings.rooms(), settings.participants());
            long heapBefore = server.heapUsedAfterGc();
            List<Participant> people = connect(server, seeded, settings.participants());
            long heapAfter = server.heapUsedAfterGc();
            report.append(String.format("Heap per idle connection: %.1f KiB (%d connections joined, heap after GC %d -> %d MiB)%n%n",
                    (heapAfter - heapBefore) / 1024.0 / people.size(), people.size(), heapBefore >> 20, heapAfter >> 20));
            outcomes.add(scenario(server, db, settings.rooms() + " rooms x " + settings.participants() + " participants, 1 edit/s each",
                    people, settings));
            people.forEach(LiveBenchmark::close);

            var big = BenchmarkSeed.seed(db, "b-" + runLabel, 1, settings.bigRoom());
            List<Participant> crowd = connect(server, big, settings.bigRoom());
            outcomes.add(scenario(server, db, "1 room x " + settings.bigRoom() + " participants, 1 edit/s each", crowd, settings));
            crowd.forEach(LiveBenchmark::close);

            // One conference on an otherwise quiet server: what a room feels like on most days.
            var quiet = BenchmarkSeed.seed(db, "c-" + runLabel, 1, settings.participants());
            List<Participant> conference = connect(server, quiet, settings.participants());
            outcomes.add(scenario(server, db, "1 room x " + settings.participants() + " participants on a quiet server, 1 edit/s each",
                    conference, settings));
            conference.forEach(LiveBenchmark::close);
        }
        outcomes.forEach(o -> report.append(o.report()));
        return outcomes;
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

    private static List<Participant> connect(BenchmarkServer server, BenchmarkSeed.Seeded seeded, int perRoom) throws Exception {
        List<Participant> people = new ArrayList<>();
        for (var room : seeded.rooms()) {
            for (int p = 0; p < perRoom; p++) {
                people.add(new Participant(seeded.sessionTokens().get(p), room.conferenceId(), room.actions().get(p).toString()));
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
        URI uri = URI.create(server.address().toString().replace("http", "ws") + "/live/conferences/" + person.conferenceId);
        person.session = websockets.connect(uri, Map.of("Cookie", "RT_SESSION=" + person.token, "Origin", server.address().toString()),
                new LightWebSockets.Listener() {
                    @Override
                    public void onText(String text) {
                        receive(person, text, currentRun);
                    }

                    @Override
                    public void onClose(int code) {
                        if (code != 1000) {
                            currentRun.errors.incrementAndGet();
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
                    run.ack.add((now - person.inFlightSent) / 1000);
                    run.applied.incrementAndGet();
                }
                person.inFlight = null;
            } else {
                Long sent = run.sentAt.get(changeId);
                if (sent != null && run.measuring) {
                    run.delivery.add((now - sent) / 1000);
                    run.deliveries.incrementAndGet();
                }
            }
        } else if (text.startsWith("{\"type\":\"welcome\"")) {
            try (var reader = Json.createReader(new StringReader(text))) {
                person.revision = reader.readObject().getJsonNumber("revision").longValue();
            }
            person.welcomed.countDown();
        } else if (text.startsWith("{\"type\":\"error\"")) {
            run.errors.incrementAndGet();
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
        Thread.sleep(settings.warmUpSeconds() * 1000L);
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
        try (var read = db.prepareStatement("select description from plan_action where id = ?::uuid")) {
            for (Participant person : people) {
                read.setString(1, person.actionId);
                try (var rs = read.executeQuery()) {
                    rs.next();
                    String stored = rs.getString(1);
                    String expected = person.confirmed.toString();
                    if (!stored.equals(expected)) {
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
        return new Outcome(name, applied, run.errors.get(), lost, diverged, String.format("""
                %s (%d connections, %.0f s measured)
                  edit-to-delivery latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d deliveries)
                  acknowledgement latency:  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, slowest %.0f ms
                  bare insert-and-commit alongside (%d, on their own connection): p50 %.2f ms, p99 %.2f ms
                  acknowledgement p50 / bare insert p50: %.1fx the insert alongside, %.1fx the insert on an idle database
                  throughput: %.0f edits/s applied, %.0f deliveries/s
                  errors: %d, edits skipped because the previous one was not yet confirmed: %d
                  lost edits: %d, diverged participants: %d
                  server CPU per edit: %.3f ms (WildFly %.3f + PostgreSQL %.3f; %.1f CPU-seconds, %.0f%% of the server's %d core%s); the generator used %.0f%% of one core
                  WildFly's time in the kernel: %.0f%%; per edit, PostgreSQL committed %.2f transactions and updated %.2f rows (%.0f%% in place, HOT)
                %n""", name, people.size(), elapsed, run.delivery.millis(50), run.delivery.millis(95), run.delivery.millis(99),
                run.delivery.count(), run.ack.millis(50), run.ack.millis(95), run.ack.millis(99), run.ack.millis(100), alongside.count(), alongside.millis(50), alongside.millis(99),
                run.ack.millis(50) / alongside.millis(50), run.ack.millis(50) / barePostgresP50,
                applied / elapsed, run.deliveries.get() / elapsed, run.errors.get(), run.skipped.get(), lost, diverged,
                perEdit(cpu, applied), perEdit(wildfly, applied), perEdit(postgres, applied), cpu,
                cpu * 100 / elapsed / settings.serverCpuCount(), settings.serverCpuCount(), settings.serverCpuCount() == 1 ? "" : "s",
                generatorCpu * 100 / elapsed, kernel * 100 / wildfly,
                perEdit(databaseAfter[0] - databaseBefore[0], applied) / 1000, perEdit(databaseAfter[1] - databaseBefore[1], applied) / 1000,
                (databaseAfter[2] - databaseBefore[2]) * 100.0 / Math.max(1, databaseAfter[1] - databaseBefore[1])));
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
        run.sentAt.put(changeId, person.inFlightSent);
        person.session.sendText(message);
    }

    private static void close(Participant person) {
        person.session.close();
    }

    private LiveBenchmark() {
    }
}
