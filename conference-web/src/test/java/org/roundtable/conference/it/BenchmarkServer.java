package org.roundtable.conference.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.conference.benchmark.ProcessCpu;

/**
 * The server the benchmark measures: the provisioned WildFly with the built WAR, started as an
 * operator would, on a throwaway PostgreSQL, with 1 GiB of heap (fixed from the start). Given CPUs (a taskset list),
 * WildFly and PostgreSQL both run on those only, and the caller (the load generator) on the others.
 * Or two nodes of the HA server (docs/cluster.md), each with the same JVM options, on the same
 * PostgreSQL: node B started once node A answers, as ClusterIT and an operator's rolling start do.
 */
public final class BenchmarkServer implements AutoCloseable {

    /** Each part of the heap as jcmd prints it ("total ...K, used ...K"): one line for G1, one per generation for the others. */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    /**
     * The two nodes' port offsets: HTTP 8780 and 8880, JGroups 8300 and 8400 (7600 plus the
     * offset). Not ClusterIT's 500 and 600, nor the one-node benchmark's 200.
     */
    private static final int OFFSET_A = 700;
    private static final int OFFSET_B = 800;
    private static final String MEMBERS = "127.0.0.1[" + (7600 + OFFSET_A) + "],127.0.0.1[" + (7600 + OFFSET_B) + "]";

    private final List<StandaloneServer> nodes;

    private BenchmarkServer(List<StandaloneServer> nodes) {
        this.nodes = nodes;
    }

    /** Whether the provisioned server and the WAR are there to start. */
    public static boolean available() {
        return StandaloneServer.available();
    }

    /** Starts the server anywhere (cpus null) or held to the given CPUs, with any extra JVM options. */
    public static BenchmarkServer start(String cpus, String javaOptions) {
        return start(List.of(new StandaloneServer(200, "1g")), cpus, javaOptions);
    }

    /** Whether the HA server is there to start two nodes of. */
    public static boolean twoNodesAvailable() {
        String home = System.getProperty("roundtable.ha.home");
        return home != null && new java.io.File(home, "bin/standalone.sh").canExecute();
    }

    /** Two nodes of the HA server, each as the one-node server is started (the same heap and options, the same CPUs). */
    public static BenchmarkServer startTwoNodes(String cpus, String javaOptions) {
        // Only one node makes the demo data (it counts agencies, then writes); both migrate the schema.
        return start(List.of(StandaloneServer.clusterNode("node-a", OFFSET_A, MEMBERS, true, "1g"),
                StandaloneServer.clusterNode("node-b", OFFSET_B, MEMBERS, false, "1g")), cpus, javaOptions);
    }

    private static BenchmarkServer start(List<StandaloneServer> nodes, String cpus, String javaOptions) {
        var s = new BenchmarkServer(nodes);
        TestEnvironment.start();
        if (cpus != null) {
            // Backends are forked by the postmaster, so they inherit its CPUs; those running now are pinned too.
            ProcessCpu.postgres().forEach(pid -> pin(pid, cpus));
            pin(ProcessHandle.current().pid(), otherCpus(cpus));
            nodes.forEach(node -> node.onCpus(cpus));
        }
        // Should the run be cut short, the servers still go.
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        for (StandaloneServer node : nodes) {
            // The heap fixed at its maximum from the start, as a server's should be: on one core (the
            // serial collector) the full collections while it grew from 128 MiB gave the slowest edits.
            node.withJavaOptions(("-Xms1g " + javaOptions).strip());
            // One after the other: a node joins a running cluster.
            node.start();
        }
        return s;
    }

    /** Every thread of a process onto these CPUs (threads it starts later inherit them). */
    private static void pin(long pid, String cpus) {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(taskset.getInputStream().readAllBytes());
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset failed for " + pid + ": " + out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The machine's CPUs not in the list (which names single CPUs or ranges: "0", "0-1", "0,2"). */
    static String otherCpus(String cpus) {
        var taken = new java.util.BitSet();
        for (String part : cpus.split(",")) {
            String[] range = part.strip().split("-");
            int from = Integer.parseInt(range[0]);
            taken.set(from, Integer.parseInt(range[range.length - 1]) + 1);
        }
        var others = new java.util.StringJoiner(",");
        for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
            if (!taken.get(cpu)) {
                others.add(Integer.toString(cpu));
            }
        }
        if (others.length() == 0) {
            throw new IllegalArgumentException("bench.serverCpus=" + cpus + " leaves no CPU for the load generator");
        }
        return others.toString();
    }

    public URI address() {
        return nodes.get(0).address();
    }

    /** How many nodes: one, or two. */
    public int nodeCount() {
        return nodes.size();
    }

    /** The address of node i (0 is node A). */
    public URI address(int node) {
        return nodes.get(node).address();
    }

    /** The jboss.node.name of node i, as the cluster names it ("node-a", "node-b"). */
    public String nodeName(int node) {
        return node == 0 ? "node-a" : "node-b";
    }

    public String databaseUrl() {
        return System.getProperty("roundtable.test.db.url");
    }

    public String databaseUser() {
        return System.getProperty("roundtable.test.db.user");
    }

    public String databasePassword() {
        return System.getProperty("roundtable.test.db.password");
    }

    /** CPU seconds used so far by the server's JVM (every node's, added up). */
    public double wildflyCpuSeconds() {
        return ProcessCpu.seconds(javaPids());
    }

    /** CPU seconds used so far by node i's JVM. */
    public double wildflyCpuSeconds(int node) {
        return ProcessCpu.seconds(List.of(nodes.get(node).javaPid()));
    }

    /** Of the server JVMs' CPU seconds, those spent in the kernel. */
    public double wildflyKernelSeconds() {
        return ProcessCpu.kernelSeconds(javaPids());
    }

    /** Node i's JVM, to attach to. */
    public long javaPid(int node) {
        return nodes.get(node).javaPid();
    }

    private List<Long> javaPids() {
        return nodes.stream().map(StandaloneServer::javaPid).toList();
    }

    /** CPU seconds used so far by every PostgreSQL process (backends that ended are not counted). */
    public double postgresCpuSeconds() {
        return ProcessCpu.seconds(ProcessCpu.postgres());
    }

    /** The server's used heap after a full collection, in bytes (read with jcmd). */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        return heapUsedAfterGc(0);
    }

    /** Node i's used heap after a full collection, in bytes. */
    public long heapUsedAfterGc(int node) throws IOException, InterruptedException {
        String pid = Long.toString(nodes.get(node).javaPid());
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        Matcher m = HEAP_USED.matcher(out);
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1)) * 1024;
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("jcmd did not report the heap: " + out);
        }
        return used;
    }

    /**
     * Records a profile of node A for the next so many seconds into a file, without waiting for
     * it. A file ending in ".jfr": JDK Flight Recorder, CPU samples every 10 ms and nothing else
     * (its "profile" settings also record allocations, socket reads and writes and waits); with
     * either, node A's CPU per edit came out 1.9 times node B's at this message rate, so the
     * profile showed a server far behind the one measured. Any other
     * name: async-profiler (from Maven Central, the benchmark profile's dependency), attached to
     * the running server, CPU time sampled every 5 ms (itimer, which needs no perf events), the
     * stacks written collapsed, one line each with its count; node A's CPU per edit stayed within
     * 3% of node B's in the run measured with it, and it shows the JIT compiler's and the
     * collector's own threads too. The stop runs on a thread of its own: should the benchmark end
     * first, the profile is not written.
     */
    public void recordProfile(String file, int seconds) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        String pid = Long.toString(nodes.get(0).javaPid());
        if (file.endsWith(".jfr")) {
            Path settings = Files.createTempFile("cpu-samples", ".jfc");
            Files.writeString(settings, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <configuration version="2.0" label="CPU samples">
                      <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
                    </configuration>
                    """);
            run(jcmd, pid, "JFR.start", "settings=" + settings, "duration=" + seconds + "s", "filename=" + file);
            return;
        }
        String agent = asyncProfiler().toString();
        // jcmd splits its arguments at '=', so the agent's options go in quotes of their own.
        run(jcmd, pid, "JVMTI.agent_load", agent, "\"start,event=itimer,interval=5ms\"");
        var stop = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
                // The benchmark's own jcmd calls (the heap after GC) may hold the attach channel a moment.
                for (int attempt = 1; ; attempt++) {
                    try {
                        run(jcmd, pid, "JVMTI.agent_load", agent, "\"stop,file=" + file + ",collapsed\"");
                        return;
                    } catch (IOException e) {
                        if (attempt == 10) {
                            throw e;
                        }
                        Thread.sleep(500);
                    }
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("The profiler was not stopped: " + e);
            }
        }, "profiler-stop");
        stop.setDaemon(true);
        stop.start();
    }

    /** async-profiler's library for this machine, out of its jar on the class path. */
    private static Path asyncProfiler() throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "linux-arm64" : "linux-x64";
        try (var in = BenchmarkServer.class.getResourceAsStream("/" + arch + "/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler is not on the class path (run with -Pbenchmark), or name the file .jfr");
            }
            Path library = Files.createTempFile("libasyncProfiler", ".so");
            Files.copy(in, library, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            library.toFile().deleteOnExit();
            return library;
        }
    }

    /**
     * Runs jcmd. For JVMTI.agent_load it exits 0 whatever the agent said, and prints "return
     * code: N" (the agent's own error goes to the server's log): anything but 0 is a failure.
     */
    private static void run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean agentFailed = out.contains("return code:") && !out.contains("return code: 0");
        if (process.waitFor() != 0 || agentFailed || out.contains("[ERROR]")) {
            throw new IOException(String.join(" ", command) + ": " + out.strip());
        }
    }

    @Override
    public void close() {
        nodes.forEach(StandaloneServer::close);
    }
}
