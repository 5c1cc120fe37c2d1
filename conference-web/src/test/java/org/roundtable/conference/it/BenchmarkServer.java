package org.roundtable.conference.it;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.conference.benchmark.ProcessCpu;

/**
 * The server the benchmark measures: the provisioned WildFly with the built WAR, started as an
 * operator would, on a throwaway PostgreSQL, with 1 GiB of heap (fixed from the start). Given CPUs (a taskset list),
 * WildFly and PostgreSQL both run on those only, and the caller (the load generator) on the others.
 */
public final class BenchmarkServer implements AutoCloseable {

    /** Each part of the heap as jcmd prints it ("total ...K, used ...K"): one line for G1, one per generation for the others. */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private final StandaloneServer server = new StandaloneServer(200, "1g");

    private BenchmarkServer() {
    }

    /** Whether the provisioned server and the WAR are there to start. */
    public static boolean available() {
        return StandaloneServer.available();
    }

    /** Starts the server anywhere (cpus null) or held to the given CPUs, with any extra JVM options. */
    public static BenchmarkServer start(String cpus, String javaOptions) {
        var s = new BenchmarkServer();
        TestEnvironment.start();
        if (cpus != null) {
            // Backends are forked by the postmaster, so they inherit its CPUs; those running now are pinned too.
            ProcessCpu.postgres().forEach(pid -> pin(pid, cpus));
            pin(ProcessHandle.current().pid(), otherCpus(cpus));
            s.server.onCpus(cpus);
        }
        // The heap fixed at its maximum from the start, as a server's should be: on one core (the
        // serial collector) the full collections while it grew from 128 MiB gave the slowest edits.
        s.server.withJavaOptions(("-Xms1g " + javaOptions).strip());
        s.server.start();
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
        return server.address();
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

    /** CPU seconds used so far by the server's JVM. */
    public double wildflyCpuSeconds() {
        return ProcessCpu.seconds(List.of(server.javaPid()));
    }

    /** Of the server JVM's CPU seconds, those spent in the kernel. */
    public double wildflyKernelSeconds() {
        return ProcessCpu.kernelSeconds(List.of(server.javaPid()));
    }

    /** CPU seconds used so far by every PostgreSQL process (backends that ended are not counted). */
    public double postgresCpuSeconds() {
        return ProcessCpu.seconds(ProcessCpu.postgres());
    }

    /** The server's used heap after a full collection, in bytes (read with jcmd). */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        String pid = Long.toString(server.javaPid());
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

    /** Records a profile of the server (JDK Flight Recorder) for the next so many seconds into a file. */
    public void recordProfile(String file, int seconds) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        new ProcessBuilder(jcmd, Long.toString(server.javaPid()), "JFR.start", "settings=profile", "duration=" + seconds + "s",
                "filename=" + file).redirectErrorStream(true).start().waitFor();
    }

    @Override
    public void close() {
        server.close();
    }
}
