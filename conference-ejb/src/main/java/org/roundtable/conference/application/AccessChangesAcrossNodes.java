package org.roundtable.conference.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.infrastructure.cache.ClusterSignal;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.persistence.AccessChangeLog;

/**
 * A change of access made on one node takes effect on every node: as it commits it is told to the
 * others (ClusterSignals), which fire it as their own, so their live rooms re-check their
 * connections (a person signed out on node A loses their socket on node B at once) and their
 * sharing answers are forgotten. A change heard from another node is not told on again.
 * <p>
 * Signals can be lost (a node hung, the cluster split for a moment, a queue full), and nothing
 * resends them. So each change is also written, in its own transaction, under a random number
 * that its signal carries (access_change), and every few seconds each node reads the last minutes
 * of it: a change it was never told of is made up for as if told of one it cannot name, every
 * connection and sharing answer checked again (AccessChangesHeard).
 */
@ApplicationScoped
public class AccessChangesAcrossNodes {

    static final String TOPIC = "access-changed";

    private static final Logger LOG = Logger.getLogger(AccessChangesAcrossNodes.class.getName());

    /** How often the log is read: a change whose signal was lost takes effect within two of these. */
    static final long CHECK_SECONDS = Math.max(1, Long.getLong("roundtable.access.check-seconds", 5));
    /** How far back each read looks (a change's transaction would have to take longer than this to be missed). */
    static final Duration LOOK_BACK = Duration.ofMinutes(10);
    /** Rows are deleted after a day, by each node about once an hour. */
    private static final Duration KEEP_ROWS = Duration.ofDays(1);

    private static final SecureRandom NUMBERS = new SecureRandom();

    @Inject
    private ClusterSignals signals;

    @Inject
    private AccessChangeLog log;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Numbers are remembered twice as long as a read looks back, 100,000 at most. */
    private final AccessChangesHeard heard = new AccessChangesHeard(LOOK_BACK.multipliedBy(2).toMillis(), 100_000);

    private ScheduledFuture<?> checks;

    private volatile long lastForgotten;

    /** Only the scheduler's one check at a time touches these (scheduleWithFixedDelay never overlaps runs). */
    private long lastWarned = Long.MIN_VALUE / 2;
    private int madeUpSinceWarned;

    /** Reads the log once at start (what is there already is not this node's to make up for), then every few seconds. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checks = scheduler.scheduleWithFixedDelay(this::check, 0, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    /**
     * In the change's transaction: written to the log with a new number, and told to the other
     * nodes, with that number, on this thread the moment it commits (a rolled-back change is neither).
     * Without a transaction (none fires one so today) it is told at once, and not written.
     */
    void tellTheOtherNodes(@Observes @Priority(2) AccessChanged change) {
        if (change.fromAnotherNode()) {
            return;
        }
        String text = change.what() + "\n" + (change.familyId() == null ? "" : change.familyId());
        if (transactions.getTransactionKey() == null) {
            signals.send(TOPIC, text);
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            // Marked to roll back: nothing will have changed.
            return;
        }
        long number = NUMBERS.nextLong();
        log.record(number, clock.instant());
        heard.heard(number, clock.millis());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signals.send(TOPIC, text + "\n" + number);
                }
            }
        });
    }

    void hear(@Observes ClusterSignal signal) {
        if (!TOPIC.equals(signal.topic())) {
            return;
        }
        String[] parts = signal.text().split("\n", 3);
        UUID familyId = parts.length < 2 || parts[1].isEmpty() ? null : UUID.fromString(parts[1]);
        if (parts.length == 3) {
            try {
                heard.heard(Long.parseLong(parts[2]), clock.millis());
            } catch (NumberFormatException e) {
                // Not counted as heard: the check makes up for it.
            }
        }
        // Off the thread that fires this node's signals in order: re-checking every live connection
        // here takes a while, and the sender's later signals (its plan changes) would wait behind it.
        executor.execute(() -> accessChanged.fire(new AccessChanged(parts[0], familyId, true)));
    }

    private void check() {
        try {
            Instant now = clock.instant();
            if (heard.missedAny(log.madeSince(now.minus(LOOK_BACK)), now.toEpochMilli())) {
                madeUpSinceWarned++;
                // Under heavy load signals are late rather than lost, and this can come every few seconds:
                // one WARNING a minute at most, counting those since the last.
                if (now.toEpochMilli() - lastWarned >= TimeUnit.MINUTES.toMillis(1)) {
                    LOG.warning(madeUpSinceWarned + " change(s) of access made on another node not told to this one within "
                            + CHECK_SECONDS + " s since the last such warning (a signal lost, or late); each time every live"
                            + " connection and sharing answer here was checked again");
                    lastWarned = now.toEpochMilli();
                    madeUpSinceWarned = 0;
                } else {
                    LOG.fine("a change of access made on another node was not told to this one; checking again");
                }
                accessChanged.fire(new AccessChanged("a change of access whose signal was lost", null, true));
            }
            if (now.toEpochMilli() - lastForgotten > TimeUnit.HOURS.toMillis(1)) {
                lastForgotten = now.toEpochMilli();
                log.forgetBefore(now.minus(KEEP_ROWS));
            }
        } catch (Throwable e) {
            // Caught whole: anything thrown out of here would end the checks for good, silently.
            // At boot the first read may come before the schema is migrated; the next one reads it then.
            LOG.log(heard.started() ? Level.WARNING : Level.FINE, "checking for changes of access made elsewhere failed", e);
        }
    }
}
