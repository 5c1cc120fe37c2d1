package org.roundtable.conference.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * HAProxy (Debian's /usr/sbin/haproxy) in front of cluster nodes, as docs/cluster.md runs it:
 * round robin with no stickiness, WebSockets passed through (timeout tunnel), each node checked
 * on a cheap URL. Its configuration is written into target/haproxy; a stats page on the next
 * port says how many requests each node was given.
 */
final class Balancer implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    static final Path TEMPLATE = Path.of(System.getProperty("roundtable.haproxy.template",
            "../wildfly-config/src/main/haproxy/roundtable.cfg.template"));

    private final int port;
    private final List<URI> nodes;
    private Process process;

    Balancer(int port, List<URI> nodes) {
        this.port = port;
        this.nodes = nodes;
    }

    URI address() {
        return URI.create("http://localhost:" + port);
    }

    static boolean available() {
        return Files.isExecutable(HAPROXY);
    }

    /**
     * The configuration docs/cluster.md and wildfly-config/two-nodes.sh use, for these nodes: the
     * one template both fill in (wildfly-config/src/main/haproxy/roundtable.cfg.template), its
     * server line once per node.
     */
    static String configuration(int port, List<URI> nodes) {
        String template;
        try {
            template = Files.readString(TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return template.lines()
                .flatMap(line -> !line.contains("@SERVER_ADDRESS@") ? Stream.of(line) : IntStream.range(0, nodes.size())
                        .mapToObj(i -> line.replace("@SERVER_NAME@", "node" + (i + 1))
                                .replace("@SERVER_ADDRESS@", nodes.get(i).getHost() + ":" + nodes.get(i).getPort())))
                .map(line -> line.replace("@FRONT_PORT@", String.valueOf(port)).replace("@STATS_PORT@", String.valueOf(port + 1)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    void start() {
        try {
            Path folder = Files.createDirectories(Path.of("target", "haproxy"));
            Path config = folder.resolve("haproxy-" + port + ".cfg");
            Files.writeString(config, configuration(port, nodes));
            Path log = folder.resolve("haproxy-" + port + ".log");
            process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitEveryNodeUp();
    }

    /**
     * Requests each node answered with success, by server name (node1, node2, ...), from the
     * stats page (its 2xx responses: the health checks' 401s are not among them).
     */
    Map<String, Long> requestsPerNode() {
        Map<String, Long> counts = new HashMap<>();
        servers().forEach(row -> counts.put(row.get("svname"), Long.parseLong(row.get("hrsp_2xx"))));
        return counts;
    }

    /**
     * The nodes (by their place in the list given, from 0) with a session open now: a live
     * room's WebSocket is one, held open through HAProxy as a tunnel, where a page's requests
     * come and go.
     */
    List<Integer> nodesWithOpenSessions() {
        return servers().stream().filter(row -> Long.parseLong(row.get("scur")) > 0)
                .map(row -> Integer.parseInt(row.get("svname").substring("node".length())) - 1).sorted().toList();
    }

    private long nodesUp() {
        return servers().stream().filter(row -> row.get("status").equals("UP")).count();
    }

    /** The stats page's rows of the nodes, each a map from column name to value. */
    private List<Map<String, String>> servers() {
        List<String> lines = get(URI.create("http://localhost:" + (port + 1) + "/stats;csv")).body().lines().toList();
        String[] header = lines.get(0).replace("# ", "").split(",");
        return lines.stream().skip(1).map(line -> line.split(",", -1)).filter(f -> f[0].equals("nodes") && f[1].startsWith("node"))
                .map(f -> {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < header.length && i < f.length; i++) {
                        row.put(header[i], f[i]);
                    }
                    return row;
                }).toList();
    }

    private void awaitEveryNodeUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy stopped; see target/haproxy/haproxy-" + port + ".log");
            }
            try {
                if (nodesUp() == nodes.size()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("haproxy did not see every node up within 20 s: " + requestsPerNode());
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ExternalProcesses.stop(process);
    }
}
