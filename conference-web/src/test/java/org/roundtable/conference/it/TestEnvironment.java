package org.roundtable.conference.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the server under test needs, started once per test run before Arquillian boots WildFly:
 * a throwaway PostgreSQL (or the one DB_URL names) and a GreenMail SMTP server that receives
 * every email the server sends. Register it before ArquillianExtension on each test class.
 */
public final class TestEnvironment implements BeforeAllCallback {

    private static GreenMail mail;
    private static ServerSetup smtpSetup;
    private static EmbeddedPostgres postgres;
    private static final java.util.List<jakarta.mail.internet.MimeMessage> received = new java.util.ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    static synchronized void start() {
        if (mail != null) {
            return;
        }
        String externalUrl = System.getenv("DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            System.setProperty("roundtable.test.db.url", externalUrl);
            System.setProperty("roundtable.test.db.user", System.getenv().getOrDefault("DB_USER", "postgres"));
            System.setProperty("roundtable.test.db.password", System.getenv().getOrDefault("DB_PASSWORD", ""));
        } else {
            try {
                // The embedded server relaxes commits by default; a committed change must be on disk,
                // as in production, or the durability test and the benchmark would flatter us.
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the throwaway PostgreSQL for the tests", e);
            }
            System.setProperty("roundtable.test.db.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("roundtable.test.db.user", "postgres");
            System.setProperty("roundtable.test.db.password", "postgres");
        }
        int smtpPort = freePort();
        smtpSetup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        mail = new GreenMail(smtpSetup);
        mail.start();
        System.setProperty("roundtable.test.smtp.port", Integer.toString(smtpPort));
        Runtime.getRuntime().addShutdownHook(new Thread(TestEnvironment::stop));
    }

    /** The mail server goes away (as in an outage) until {@link #startMail()}; what it had received is kept. */
    public static synchronized void stopMail() {
        start();
        received.addAll(java.util.List.of(mail.getReceivedMessages()));
        mail.stop();
    }

    public static synchronized void startMail() {
        mail = new GreenMail(smtpSetup);
        mail.start();
    }

    /** Every message received so far, also across an outage. */
    public static synchronized jakarta.mail.internet.MimeMessage[] receivedMessages() {
        var all = new java.util.ArrayList<>(received);
        all.addAll(java.util.List.of(mail().getReceivedMessages()));
        return all.toArray(jakarta.mail.internet.MimeMessage[]::new);
    }

    public static GreenMail mail() {
        start();
        return mail;
    }

    private static void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // The JVM is exiting; the temporary data folder goes with it.
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
