package org.roundtable.conference.infrastructure.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds: straight after each commit that queued mail (on a managed
 * thread, never the request's) and, for retries, whenever {@link MailOutboxTimer} ticks.
 * roundtable.mail.first-retry (an ISO duration, default PT30S) is the wait after a first
 * failure; each further failure doubles it, up to an hour.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final int BATCH = 50;

    @Inject
    private OutboxClaims claims;

    @Inject
    private MailSender sender;

    @Inject
    private Clock clock;

    @Resource
    private ManagedExecutorService executor;

    private final Duration firstRetry = Duration.parse(System.getProperty("roundtable.mail.first-retry", "PT30S"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.MailQueued queued) {
        executor.execute(this::deliverDue);
    }

    /** Sends every email that is due. One run at a time per node; a call during a run makes it go round once more. */
    public void deliverDue() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                deliverBatch();
            } catch (RuntimeException e) {
                LOG.warning(() -> "The mail outbox could not be read: " + e);
            } finally {
                running.set(false);
            }
        }
    }

    private void deliverBatch() {
        for (var id : claims.due(clock.instant(), BATCH)) {
            claims.claim(id, clock.instant(), firstRetry).ifPresent(mail -> {
                try {
                    sender.send(mail.recipient(), mail.subject(), mail.body(), mail.attachments());
                    claims.sent(mail.id());
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Mail to " + mail.recipient() + " failed (attempt " + (mail.attempts() + 1) + "); it will be tried again");
                    claims.failed(mail.id(), String.valueOf(e.getMessage()));
                }
            });
        }
    }
}
