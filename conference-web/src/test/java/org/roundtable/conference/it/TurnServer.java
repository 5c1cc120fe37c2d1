package org.roundtable.conference.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real coturn (Debian's /usr/bin/turnserver) on loopback, on a free port, with the TURN REST
 * API's shared secret, as an operator runs it beside Roundtable (README). Stopped by close().
 */
final class TurnServer implements AutoCloseable {

    static final String BINARY = "/usr/bin/turnserver";
    static final String REALM = "roundtable.test";

    final int port;
    final String secret;
    private final Process process;
    private final Path folder;

    private TurnServer(int port, String secret, Process process, Path folder) {
        this.port = port;
        this.secret = secret;
        this.process = process;
        this.folder = folder;
    }

    static TurnServer start(String secret) {
        return start(secret, List.of());
    }

    /**
     * One that carries at most this many bytes a second each way for each relayed session
     * (coturn's --max-bps; what goes over is dropped): a poor connection, for real.
     */
    static TurnServer limitedTo(String secret, int bytesPerSecond) {
        return start(secret, List.of("--max-bps=" + bytesPerSecond));
    }

    private static TurnServer start(String secret, List<String> moreOptions) {
        int port = freeUdpPort();
        try {
            Path folder = Files.createDirectories(Path.of("target", "coturn-" + port));
            var command = new ArrayList<>(List.of(BINARY, "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                    "--listening-port=" + port, "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=" + REALM,
                    "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-tcp", "--no-cli", "--no-software-attribute",
                    "--pidfile=" + folder.resolve("turnserver.pid"), "--db=" + folder.resolve("turndb"),
                    "--log-file=stdout", "--verbose", "--min-port=" + (port + 1), "--max-port=" + (port + 200)));
            command.addAll(moreOptions);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(folder.resolve("turnserver.log").toFile()).start();
            var server = new TurnServer(port, secret, process, folder);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start coturn", e);
        }
    }

    /** The URL browsers are given for it (UDP). */
    String url() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    /** Its log (verbose: every allocation, permission and refusal), kept in target/ after the test. */
    Path logFile() {
        return folder.resolve("turnserver.log");
    }

    String log() {
        try {
            return Files.readString(logFile());
        } catch (IOException e) {
            return "";
        }
    }

    /** Listening once it answers a STUN binding request. */
    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("coturn stopped: " + log());
            }
            if (TurnClient.answersBinding("127.0.0.1", port)) {
                return;
            }
        }
        throw new IllegalStateException("coturn did not answer within 20 s: " + log());
    }

    private static int freeUdpPort() {
        // Leaves room above it for the relay ports; a port in use just fails the start, loudly. Only
        // UDP is listened on (--no-tcp): the same number free for UDP was once taken for TCP (an
        // outgoing connection's port), and coturn kept retrying the TCP bind instead of answering.
        for (int attempt = 0; attempt < 20; attempt++) {
            try (var socket = new DatagramSocket(0)) {
                int port = socket.getLocalPort();
                if (port < 60000) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free UDP port below 60000");
    }

    @Override
    public void close() {
        ExternalProcesses.stop(process);
    }
}
