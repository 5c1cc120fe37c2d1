package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;

/**
 * Tells every other node of the cluster something, at once: each signal is an entry written to
 * the "signals" cache (replicated on the HA server, docs/cluster.md), and every node that
 * receives an entry another node wrote fires it here as a CDI event, {@link ClusterSignal}, on a
 * managed thread. On one node (a local cache) nobody else hears it, and that is right: nothing
 * is written then (the live rooms send one for every move of every cursor). Entries expire after
 * a minute: a signal is news, not state. Sending does not wait for the other nodes (it is called
 * after a commit, on the thread that committed): a write that fails, or never completes because a
 * node hangs, costs that signal only, and a failure is logged.
 */
@ApplicationScoped
public class ClusterSignals {

    private static final Logger LOG = Logger.getLogger(ClusterSignals.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/signals")
    Cache<String, String> signals;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ContextService contexts;

    @Inject
    private Event<ClusterSignal> arrived;

    private final Arrivals arrivals = new Arrivals();

    /** Whether the signals cache is shared with other nodes (the HA server); read at start. */
    volatile boolean clustered;

    /** Fires a signal in the application's context, captured at start: Infinispan's threads have none. */
    private volatile Consumer<ClusterSignal> fire;

    /** Listens from the start, not only once someone first sends. */
    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        fire = contexts.contextualConsumer(arrived::fire);
        clustered = signals.getCacheConfiguration().clustering().cacheMode().isClustered();
        signals.addListener(arrivals);
    }

    @PreDestroy
    void stop() {
        signals.removeListener(arrivals);
    }

    /** Whether there may be other nodes to tell (the signals cache is clustered). */
    public boolean clustered() {
        return clustered;
    }

    /**
     * Sends the signal to every other node (not to this one), without waiting for them: the
     * replication runs on Infinispan's threads, and a failure is logged with the signal's topic.
     */
    public void send(String topic, String text) {
        if (!clustered) {
            return;
        }
        try {
            signals.putAsync(UUID.randomUUID().toString(), topic + "\n" + text, 1, TimeUnit.MINUTES)
                    .whenComplete((previous, failure) -> {
                        if (failure != null) {
                            lost(topic, failure);
                        }
                    });
        } catch (RuntimeException failure) {
            lost(topic, failure);
        }
    }

    /** The other nodes catch up at their next sweep of live connections, or the next change. */
    private static void lost(String topic, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "A \"" + topic + "\" signal may not have reached the other nodes");
    }

    /** Off Infinispan's threads at once: the observers query the database and close sockets. */
    @Listener(sync = false)
    public class Arrivals {

        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<String, String> entry) {
            if (entry.isPre() || entry.isOriginLocal() || entry.getValue() == null) {
                return;
            }
            String value = entry.getValue();
            int split = value.indexOf('\n');
            var signal = new ClusterSignal(value.substring(0, split), value.substring(split + 1));
            executor.execute(() -> fire.accept(signal));
        }
    }
}
