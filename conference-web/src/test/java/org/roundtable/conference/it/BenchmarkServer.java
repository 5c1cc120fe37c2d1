package org.roundtable.conference.it;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.conference.benchmark.ProcessCpu;

/**
 * The server the benchmark measures: the provisioned WildFly with the built WAR, started as an
 * operator would, on a throwaway PostgreSQL, with 1 GiB of heap.
 */
public final class BenchmarkServer implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private final StandaloneServer server = new StandaloneServer(200, "1g");

    private BenchmarkServer() {
    }

    /** Whether the provisioned server and the WAR are there to start. */
    public static boolean available() {
        return StandaloneServer.available();
    }

    public static BenchmarkServer start() {
        var s = new BenchmarkServer();
        s.server.start();
        return s;
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

    /** CPU seconds used so far by the server's JVM and every PostgreSQL process. */
    public double cpuSeconds() {
        List<Long> pids = new ArrayList<>(ProcessCpu.postgres());
        pids.add(server.javaPid());
        return ProcessCpu.seconds(pids);
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
        if (!m.find()) {
            throw new IllegalStateException("jcmd did not report the heap: " + out);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    @Override
    public void close() {
        server.close();
    }
}
