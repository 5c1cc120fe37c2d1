package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;

/**
 * Tells every other node of the cluster something, at once: signals are entries written to the
 * "signals" cache (replicated on the HA server, docs/cluster.md), and every node that receives an
 * entry another node wrote fires its signals here as CDI events, {@link ClusterSignal}, on a
 * managed thread. On one node (a local cache) nobody else hears it, and that is right: nothing
 * is written then (the live rooms send one for every move of every cursor).
 *
 * <p>Signals travel in batches ({@link SignalBatch}): one write at a time per node, carrying
 * everything that queued while the previous write was under way, so a busy node makes a few
 * large writes rather than thousands of small ones. Each receiver fires one sender's signals one
 * after another, in the order they were sent ({@link SignalInbox}), whatever order the cache
 * tells of them: a node following a plan takes its changes in order. A signal is news, not
 * state: each node keeps only the last few hundred batches (the cache's size, set in
 * configure-cluster.cli) and drops older ones on its own; an expiry would cost a replicated
 * removal carrying the whole entry again, a seventh of a node's CPU under load. Sending does not wait for the other
 * nodes (it is called after a commit, on the thread that committed): a write that fails, or never
 * completes because a node hangs, costs the signals in it, and a failure is logged.
 */
@ApplicationScoped
public class ClusterSignals {

    private static final Logger LOG = Logger.getLogger(ClusterSignals.class.getName());

    /** How much may wait to be sent (16 M characters): beyond it new signals are dropped, with a warning. */
    static final long QUEUE_CHARS = Long.getLong("roundtable.cluster.signal-queue-chars", 16L * 1024 * 1024);

    /** How large one write may grow (chars): what is beyond it waits for the next write. */
    static final int BATCH_CHARS = 64 * 1024;

    /**
     * How long a receiver waits for a missing batch before passing on those after it. A batch is
     * missing only if its write failed (logged on the sender), but under load the cache may tell
     * of it a second or more late, and passing on the later ones first costs a follower a reload.
     */
    static final long GAP_WAIT_MILLIS = 3000;

    /** A run of a node not heard from for this long is forgotten when another run first speaks. */
    static final long FORGET_SENDER_NANOS = TimeUnit.MINUTES.toNanos(10);

    /**
     * Batches are written as UTF-8 bytes, not as strings: WildFly's marshaller encodes a string
     * through a CharBuffer, which took a seventh of a node's CPU under load (JFR, 2026-12-03);
     * {@code String.getBytes} copies an ASCII string's bytes as they are. A batch a node of an
     * earlier version wrote as a string is still read.
     */
    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/signals")
    Cache<Object, Object> signals;

    @Inject
    private PlanOwnership ownership;

    /** Not the managed executor, which refuses every task once the node is told to stop (ClusterThreads). */
    @Inject
    private ClusterThreads threads;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ContextService contexts;

    @Inject
    private Event<ClusterSignal> arrived;

    /** This run of this node: batches are numbered per run, so a restarted node starts again at 0. */
    final String sender = UUID.randomUUID().toString();

    /** The first half of this run's keys (see {@link #keyFor}). */
    private final long run = UUID.fromString(sender).getMostSignificantBits();

    final Arrivals arrivals = new Arrivals();

    /** Whether the signals cache is shared with other nodes (the HA server); read at start. */
    volatile boolean clustered;

    /** Fires a signal in the application's context, captured at start: Infinispan's threads have none. */
    volatile Consumer<ClusterSignal> fire;

    /** Where batches are written from and signals fired: ClusterThreads (tests: the caller). */
    Executor runOn = Runnable::run;

    /**
     * Writes what is queued, in the application's context captured at start: the next batch is
     * started from the thread on which Infinispan completes the write before, and the managed
     * executor would take that thread's context, in which WildFly stores the entry in a form the
     * listeners cannot read (ClassCastException to MarshalledValue on every node).
     */
    Runnable writeQueued = this::write;

    /**
     * Whether this node is the primary owner of a key (tests: always). A batch is written under a
     * key this node owns: a write to a key another node owns goes there first and is sent back
     * from there, so the batch would cross the network twice and be marshalled three times.
     */
    Predicate<Object> ownedHere = key -> true;

    /** Nanoseconds, for how long a sender has been quiet (tests: a clock they move). */
    LongSupplier clock = System::nanoTime;

    /** Waits for a missing batch (tests: never). */
    BiConsumer<Runnable, Long> later = (task, millis) -> { };

    private final Queue<ClusterSignal> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicLong droppedSignals = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Touched only by whoever holds {@link #writing}. */
    private long sequence;

    private final ConcurrentMap<String, FromNode> senders = new ConcurrentHashMap<>();

    /** Listens from the start, not only once someone first sends. */
    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        fire = contexts.contextualConsumer(arrived::fire);
        runOn = threads.signals();
        writeQueued = contexts.contextualRunnable(this::write);
        later = (task, millis) -> scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
        ownedHere = ownership::ownsEntryHere;
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
     * Sends the signal to every other node (not to this one), without waiting for them: it joins
     * the next batch, written on a managed thread; a failure is logged with the batch's topics.
     */
    public void send(String topic, String text) {
        if (!clustered) {
            return;
        }
        var signal = new ClusterSignal(topic, text);
        if (queuedChars.addAndGet(text.length()) > QUEUE_CHARS) {
            // The other nodes are not taking what this node sends (one hangs, say): drop rather than run out of memory.
            queuedChars.addAndGet(-text.length());
            long dropped = droppedSignals.incrementAndGet();
            if (Long.bitCount(dropped) == 1) {
                LOG.warning(() -> "The other nodes are not taking signals as fast as this node sends them; " + dropped
                        + " dropped so far, the latest \"" + topic + "\"");
            }
            return;
        }
        outgoing.add(signal);
        if (writing.compareAndSet(false, true)) {
            writeLater();
        }
    }

    /**
     * Waits, at most {@code millis}, until everything sent so far is written to the other nodes
     * (for a node about to stop: what it sends last must leave before its application goes).
     * Whether it was.
     */
    public boolean sentWithin(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!outgoing.isEmpty() || writing.get()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Writes what is queued, one batch at a time, while holding {@link #writing}: the next batch
     * goes once the cache has written the one before on every node (from the thread that learns
     * it), so the batches leave in order and a busy node's batches grow instead of its writes.
     */
    private void write() {
        boolean handedOn = false;
        try {
            handedOn = writeBatches();
        } finally {
            if (!handedOn) {
                // Left by an Error: put the flag down, or this node would never send again.
                writing.set(false);
            }
        }
    }

    /** Whether the flag was handed on (to a write under way) or put down in order; false if it must be put down. */
    private boolean writeBatches() {
        while (true) {
            var batch = new ArrayList<ClusterSignal>();
            int chars = 0;
            for (ClusterSignal next = outgoing.peek(); next != null && (batch.isEmpty() || chars < BATCH_CHARS); next = outgoing.peek()) {
                batch.add(outgoing.poll());
                chars += next.text().length();
            }
            queuedChars.addAndGet(-chars);
            if (batch.isEmpty()) {
                writing.set(false);
                // Something queued after the last look but before the flag fell: its sender saw the flag up.
                if (outgoing.isEmpty() || !writing.compareAndSet(false, true)) {
                    return true;
                }
                continue;
            }
            long number = sequence;
            CompletableFuture<Object> written;
            try {
                written = signals.putAsync(keyFor(number), new SignalBatch(sender, number, batch).text().getBytes(StandardCharsets.UTF_8))
                        .toCompletableFuture();
            } catch (RuntimeException | OutOfMemoryError e) {
                // Never written, so its number goes to the next batch: the others would wait for it in vain.
                lost(batch, e);
                continue;
            }
            sequence++;
            written.whenComplete((previous, failure) -> {
                if (failure != null) {
                    lost(batch, failure);
                }
            });
            if (!written.isDone()) {
                // Not from Infinispan's thread that completes it: see writeQueued.
                written.whenComplete((previous, failure) -> writeLater());
                return true;
            }
        }
    }

    /**
     * The batch's key: a UUID of this run's half ({@link #run}) and the batch's number with a salt,
     * the first salt whose key this node owns (with n nodes, about n tries; should 16 not find one,
     * or the question fail, the key is used all the same, which costs only the way round). Not a
     * string: WildFly's marshaller encodes a string through a CharsetEncoder, and a key is
     * marshalled four or five times a batch (asking its owner, writing, comparing): 7% of a JFR
     * profile of a node under load (2026-12-03; JFR's own cost inflated every share of it); a UUID
     * is two longs. Receivers read the batch's number from the batch.
     */
    UUID keyFor(long number) {
        UUID key = null;
        for (int salt = 0; salt < 16; salt++) {
            key = new UUID(run, number << 4 | salt);
            try {
                if (ownedHere.test(key)) {
                    break;
                }
            } catch (RuntimeException e) {
                // Only a saving: asking who owns a key must never cost the batch itself.
                LOG.log(Level.FINE, "Could not tell who owns a signal batch's key", e);
                return new UUID(run, number << 4);
            }
        }
        return key;
    }

    /** Whether the key is one this run wrote (a node of an earlier version wrote strings). */
    boolean ownKey(Object key) {
        return key instanceof UUID id && id.getMostSignificantBits() == run;
    }

    private void writeLater() {
        try {
            runOn.execute(writeQueued);
        } catch (RuntimeException e) {
            // The executor is shutting down: what is queued stays unsent, as the node is stopping.
            writing.set(false);
            LOG.log(Level.WARNING, "Signals queued for the other nodes were not sent", e);
        }
    }

    /** The other nodes catch up at their next sweep of live connections, or the next change. */
    private static void lost(List<ClusterSignal> batch, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Signals may not have reached the other nodes: "
                + batch.stream().map(s -> "\"" + s.topic() + "\"").distinct().collect(Collectors.joining(", ")));
    }

    /** A batch another node wrote: its signals are fired once those it sent before have been. */
    void heard(String text) {
        SignalBatch batch;
        try {
            batch = SignalBatch.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "An entry in the signals cache is not a batch of signals; ignored", e);
            return;
        }
        if (batch.sender().equals(sender)) {
            // This node's own batch, told of as written elsewhere: see Arrivals.
            return;
        }
        if (!senders.containsKey(batch.sender())) {
            // A node started (again): forget the runs not heard from for a while (their nodes restarted or left).
            long now = clock.getAsLong();
            senders.values().removeIf(from -> now - from.lastHeard > FORGET_SENDER_NANOS);
        }
        senders.computeIfAbsent(batch.sender(), FromNode::new).arrived(batch);
    }

    /** One sender's batches: put in order, then fired one signal after another on one thread at a time. */
    private final class FromNode {

        private final String sender;
        private volatile long lastHeard = clock.getAsLong();
        private final SignalInbox inbox = new SignalInbox();
        private final Queue<ClusterSignal> ready = new ArrayDeque<>();
        private boolean firing;
        private boolean gapWatched;

        FromNode(String sender) {
            this.sender = sender;
        }

        void arrived(SignalBatch batch) {
            lastHeard = clock.getAsLong();
            boolean start;
            synchronized (this) {
                if (batch.sequence() < inbox.awaited()) {
                    // Tells a late batch from a lost one (the warning that it never came does not).
                    LOG.warning(() -> "Signal batch " + batch.sequence() + " from " + sender
                            + " came after those sent after it were passed on; its signals are passed on late");
                }
                inbox.arrived(batch).forEach(b -> ready.addAll(b.signals()));
                watchGap();
                start = startFiring();
            }
            if (start) {
                fireOnExecutor();
            }
        }

        /** Called holding this: waits (once at a time) for a missing batch, then goes on without it. */
        private void watchGap() {
            if (!inbox.waiting() || gapWatched) {
                return;
            }
            gapWatched = true;
            long awaited = inbox.awaited();
            later.accept(() -> {
                boolean start;
                synchronized (this) {
                    gapWatched = false;
                    if (inbox.waiting() && inbox.awaited() == awaited) {
                        LOG.warning(() -> "Signal batch " + awaited + " from " + sender + " never came; going on without it");
                        inbox.skipGap().forEach(b -> ready.addAll(b.signals()));
                    }
                    watchGap();
                    start = startFiring();
                }
                if (start) {
                    fireOnExecutor();
                }
            }, GAP_WAIT_MILLIS);
        }

        private void fireOnExecutor() {
            try {
                runOn.execute(this::fireReady);
            } catch (RuntimeException e) {
                // Refused (the node is stopping): the next batch from this sender tries again.
                synchronized (this) {
                    firing = false;
                }
                LOG.log(Level.WARNING, "Signals from another node could not be fired here just now", e);
            }
        }

        private boolean startFiring() {
            if (firing || ready.isEmpty()) {
                return false;
            }
            firing = true;
            return true;
        }

        private void fireReady() {
            while (true) {
                ClusterSignal next;
                synchronized (this) {
                    next = ready.poll();
                    if (next == null) {
                        firing = false;
                        return;
                    }
                }
                try {
                    fire.accept(next);
                } catch (RuntimeException | Error e) {
                    // Caught whatever it is: a flag left up would stop this sender's signals here for good.
                    LOG.log(Level.WARNING, "A \"" + next.topic() + "\" signal from another node failed here", e);
                }
            }
        }
    }

    /**
     * Off Infinispan's threads at once: the observers query the database and close sockets.
     * {@code isOriginLocal()} does not tell this node's own batches from the others': when another
     * node is the primary owner of a batch's key, the write goes there first and comes back here as
     * a write from that node (traced 2026-12-03: each node heard about half its own batches, and
     * waited 3 s for each "gap" between them). Batches are now written under keys this node owns
     * ({@link #keyFor}), but ownership moves when a node joins or leaves: a batch is this node's
     * if its key names this run.
     */
    @Listener(sync = false)
    public class Arrivals {

        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<Object, Object> entry) {
            try {
                if (entry.isPre() || entry.isOriginLocal() || entry.getValue() == null || ownKey(entry.getKey())) {
                    return;
                }
                Object value = entry.getValue();
                heard(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value);
            } catch (RuntimeException | LinkageError e) {
                // Infinispan would keep it to itself: the batch would be waited for, then given up on, with no cause given.
                LOG.log(Level.WARNING, "A signal batch from another node could not be read here (" + entry.getKey() + ")", e);
            }
        }
    }
}
