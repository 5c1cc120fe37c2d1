package org.roundtable.conference.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second WildFly, started by a test as an operator would (bin/standalone.sh, the WAR in its
 * deployments folder), on its own port offset and base folder, against the test database. It
 * can be killed like a crashed machine: SIGKILL to the server's JVM, no shutdown of any kind.
 */
final class StandaloneServer implements AutoCloseable {

    private final Path base;
    /** The provisioned server this one runs (jboss.home, or the HA server for a cluster node). */
    private final Path home;
    /** jboss.node.name: unique in a cluster. */
    private final String nodeName;
    private final int offset;
    private final String heap;
    /** The database's driver, URL, user and password; null: the test PostgreSQL. */
    private final List<String> database;
    /** Whether the server makes the demo data (a fresh install does not). */
    private final boolean demo;
    private Process launcher;
    /** The balancer's address when the server runs behind one: the public address, and an allowed origin. */
    private URI balancer;
    /** More system properties for this server (-Dname=value), e.g. shorter timeouts. */
    private final List<String> properties = new ArrayList<>();
    /** Arguments of standalone.sh besides the system properties (--yaml=...), or none. */
    private final List<String> arguments = new ArrayList<>();
    /** The CPUs the server may run on (a taskset list such as "0"), or null for any. */
    private String cpus;
    /** JVM options added to the usual ones (a profiler, another collector), or empty. */
    private String extraJavaOptions = "";

    StandaloneServer(int offset) {
        this(offset, "512m");
    }

    StandaloneServer(int offset, String heap) {
        this(offset, heap, false);
    }

    /**
     * On the demo's embedded database instead (an H2 file in the server's folder, opened with the
     * options the demo run uses) when embedded is true.
     */
    StandaloneServer(int offset, String heap, boolean embedded) {
        this(offset, heap, embedded, null, true);
    }

    /**
     * A fresh install, as an operator starts one: its own PostgreSQL database (url, user,
     * password), and without -Droundtable.demo=true, so the server creates no account of any kind by itself.
     */
    static StandaloneServer freshInstall(int offset, String url, String user, String password) {
        return new StandaloneServer(offset, "512m", false, List.of("postgresql", url, user, password), false);
    }

    /**
     * A node of the HA server that finds the others through the test PostgreSQL (JDBC_PING, the
     * table jgroups.ping) instead of a list of members: started with --yaml=discovery-jdbc.yml, as
     * an operator chooses it (docs/cluster.md). No members are named, so TCPPING could not find anyone.
     */
    static StandaloneServer clusterNodeFoundThroughTheDatabase(String name, int offset, boolean demo) {
        var node = new StandaloneServer(Path.of(System.getProperty("roundtable.ha.home")), name, offset, "512m", false, null, demo);
        node.arguments.add("--yaml=discovery-jdbc.yml");
        return node.with("jboss.tx.node.id", name);
    }

    /**
     * A node of the HA server (wildfly-config's target/server-ha, docs/cluster.md) on the test
     * PostgreSQL, finding the other nodes at the JGroups addresses in members ("host[port],...").
     * Only one node of a cluster should make the demo data (it checks for agencies, then writes).
     */
    static StandaloneServer clusterNode(String name, int offset, String members, boolean demo) {
        return clusterNode(name, offset, members, demo, "512m");
    }

    /** A node of the HA server with this much heap at most (the benchmark's nodes have the one-node server's). */
    static StandaloneServer clusterNode(String name, int offset, String members, boolean demo, String heap) {
        var node = new StandaloneServer(Path.of(System.getProperty("roundtable.ha.home")), name, offset, heap, false, null, demo);
        return node.with("roundtable.cluster.members", members).with("jboss.tx.node.id", name);
    }

    private StandaloneServer(int offset, String heap, boolean embedded, List<String> database, boolean demo) {
        this(Path.of(System.getProperty("jboss.home")), "durability", offset, heap, embedded, database, demo);
    }

    private StandaloneServer(Path home, String nodeName, int offset, String heap, boolean embedded, List<String> database, boolean demo) {
        this.home = home;
        this.nodeName = nodeName;
        this.offset = offset;
        this.heap = heap;
        this.demo = demo;
        try {
            base = Files.createTempDirectory("roundtable-server");
            Path standalone = home.resolve("standalone");
            copy(standalone.resolve("configuration"), base.resolve("configuration"));
            withoutDeployments(base.resolve("configuration/standalone.xml"));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(Path.of(System.getProperty("roundtable.war")), base.resolve("deployments/roundtable.war"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.database = embedded
                ? List.of("h2", "jdbc:h2:file:" + base.resolve("demo") + ";" + System.getProperty("roundtable.demo.h2.options"), "sa", "sa")
                : database;
    }

    /** Starts with this system property set as well. */
    StandaloneServer with(String name, String value) {
        properties.add("-D" + name + "=" + value);
        return this;
    }

    /** Runs behind a balancer at this address (its public address; pages served through it may open live connections). */
    StandaloneServer behind(URI balancerAddress) {
        this.balancer = balancerAddress;
        return this;
    }

    /** Holds the server to these CPUs (a taskset list such as "0"); its threads and children inherit it. */
    StandaloneServer onCpus(String cpuList) {
        this.cpus = cpuList;
        return this;
    }

    /** Adds JVM options to the server's (for measuring: a profiler, another collector). */
    StandaloneServer withJavaOptions(String options) {
        this.extraJavaOptions = options;
        return this;
    }

    /**
     * Where this run's console begins in console.log: each start appends to it, so that when a
     * test fails, what a node logged before it was stopped or killed and started again is still there.
     */
    private volatile long consoleStart;

    /** What the server printed to its console so far in this run (its log, as an operator sees it). */
    String console() {
        try {
            byte[] all = Files.readAllBytes(base.resolve("console.log"));
            int from = (int) Math.min(consoleStart, all.length);
            return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI address() {
        return URI.create("http://localhost:" + (8080 + offset));
    }

    void start() {
        TestEnvironment.start();
        requireFreePort(8080 + offset);
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.node.name=" + nodeName,
                "-Droundtable.db.driver=" + (database == null ? "postgresql" : database.get(0)),
                "-Droundtable.db.url=" + (database == null ? System.getProperty("roundtable.test.db.url") : database.get(1)),
                "-Droundtable.db.user=" + (database == null ? System.getProperty("roundtable.test.db.user") : database.get(2)),
                "-Droundtable.db.password=" + (database == null ? System.getProperty("roundtable.test.db.password") : database.get(3)),
                "-Droundtable.smtp.host=127.0.0.1",
                "-Droundtable.smtp.port=" + System.getProperty("roundtable.test.smtp.port"),
                "-Droundtable.demo=" + demo,
                "-Droundtable.allowed-origins=" + address() + (balancer == null ? "" : "," + balancer),
                "-Droundtable.public-url=" + (balancer == null ? address() : balancer),
                // Behind HAProxy every request comes from it: name it, or everyone shares one sign-in allowance.
                "-Droundtable.trusted-proxies=" + (balancer == null ? "" : "127.0.0.1"),
                "-Droundtable.bcrypt.cost=10"));
        command.addAll(properties);
        command.addAll(arguments);
        if (cpus != null) {
            command.addAll(0, List.of("taskset", "-c", cpus));
        }
        File console = base.resolve("console.log").toFile();
        consoleStart = console.length();
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console));
        builder.environment().put("JAVA_OPTS", ("-Xms128m -Xmx" + heap + " -XX:MaxGCPauseMillis=20 " + extraJavaOptions).strip());
        try {
            launcher = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /**
     * Another process on this port (a developer's own server, say) would answer in this server's
     * place and the test would fail with a baffling 401: say so instead.
     */
    private static void requireFreePort(int port) {
        // A server this test has just killed may take a moment to let go of it.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (var socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("0.0.0.0", port));
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " is in use by another process: stop it before this test starts its own server", e);
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The name it goes by in a cluster (jboss.node.name). */
    String nodeName() {
        return nodeName;
    }

    /** The server's JVM (the script's java child). */
    long javaPid() {
        return launcher.toHandle().descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow().pid();
    }

    /** Like pulling the plug: SIGKILL to the server's JVM, then to the script that started it. */
    void kill() {
        ProcessHandle script = launcher.toHandle();
        script.descendants().forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
        script.onExit().join();
        script.descendants().forEach(p -> p.onExit().join());
    }

    /**
     * As a machine that hangs or drops off the network: SIGSTOP to the server's JVM. Its sockets
     * stay open, so nothing tells the other nodes it is gone; they find out only when it stops
     * answering their heartbeats. {@link #kill()} still ends it.
     */
    void freeze() {
        signal("-STOP");
    }

    /** A frozen node wakes (SIGCONT), as a machine after a long stall: it carries on where it stopped. */
    void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            var sent = new ProcessBuilder("kill", signal, Long.toString(javaPid())).inheritIO().start();
            if (sent.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " failed for " + nodeName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A management operation as an operator types it (":suspend", ":resume"), through the server's own
     * jboss-cli on this node's management port (9990 plus the offset; local sign-in, same user).
     */
    void manage(String operation) {
        try {
            var cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=localhost:" + (9990 + offset), "--command=" + operation).redirectErrorStream(true).start();
            // Waited for first, so that a CLI that hangs fails the test after 60 s (its few lines fit the pipe).
            if (!cli.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException(operation + " on " + nodeName + " had no answer within 60 s");
            }
            String said = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (cli.exitValue() != 0 || !said.contains("\"outcome\" => \"success\"")) {
                throw new IllegalStateException(operation + " on " + nodeName + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As an operator stops a node to patch it: SIGTERM to the JVM (WildFly shuts down gracefully), then waits for it to end. */
    void stop() {
        ProcessHandle script = launcher.toHandle();
        script.descendants().forEach(ProcessHandle::destroy);
        try {
            script.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            kill();
        }
        script.descendants().forEach(p -> p.onExit().join());
    }

    private void awaitReady() {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = http.send(HttpRequest.newBuilder(address().resolve("/api/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + base.resolve("console.log"));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server did not start within 2 minutes; see " + base.resolve("console.log")
                + " and its threads at that moment, " + threadDump());
    }

    /** What every thread of the server was doing, written beside its console log: a boot that hangs says where. */
    private Path threadDump() {
        Path dump = base.resolve("threads.txt");
        try {
            new ProcessBuilder("jcmd", Long.toString(javaPid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // No dump, still the console log.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    @Override
    public void close() {
        if (launcher != null && launcher.isAlive()) {
            kill();
        }
    }

    /**
     * The suite's own server keeps the WAR deployed from class to class (DeployOnce), and its
     * configuration names that deployment: this server gets the WAR from its deployments folder
     * instead, and would refuse to boot with the same deployment twice.
     */
    private static void withoutDeployments(Path standaloneXml) throws IOException {
        String xml = Files.readString(standaloneXml);
        Files.writeString(standaloneXml, xml.replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static boolean available() {
        return new File(System.getProperty("jboss.home", ""), "bin/standalone.sh").canExecute();
    }
}
