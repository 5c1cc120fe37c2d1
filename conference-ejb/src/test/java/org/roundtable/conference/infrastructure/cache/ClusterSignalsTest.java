package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending a signal happens after a commit, on the thread that committed: it must not wait for the
 * other nodes. The signals cache here is a stand-in for a replicated cache whose other node hangs
 * (a blocking write never returns, an asynchronous one never completes) or fails.
 */
class ClusterSignalsTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(ClusterSignals.class.getName());

    @BeforeEach
    void captureTheLog() {
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    @Test
    void a_signal_to_a_node_that_hangs_does_not_hold_up_the_thread_that_committed() {
        var hungNode = new CountDownLatch(1);
        var written = new ArrayList<Object[]>();
        var signals = signalsCache((method, args) -> {
            written.add(args);
            if (method.equals("put")) {
                hungNode.await();
                return null;
            }
            return new CompletableFuture<>();
        });
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> signals.send("access-changed", "sign-out\n"));
        } finally {
            hungNode.countDown();
        }
        Object[] entry = written.get(0);
        SignalBatch batch = SignalBatch.parse(utf8(entry[1]));
        assertEquals(List.of(new ClusterSignal("access-changed", "sign-out\n")), batch.signals());
        assertEquals(2, entry.length, "no lifespan: an expiry would be a replicated removal; the cache's size drops old batches");
    }

    @Test
    void signals_sent_while_a_write_is_under_way_go_together_in_the_next_write_in_the_order_they_were_sent() {
        var writes = new ArrayList<CompletableFuture<Object>>();
        var texts = new ArrayList<String>();
        var signals = signalsCache((method, args) -> {
            texts.add(utf8(args[1]));
            var write = new CompletableFuture<Object>();
            writes.add(write);
            return write;
        });

        signals.send("plan-stored", "first");
        signals.send("plan-stored", "second");
        signals.send("room", "third");
        assertEquals(1, texts.size(), "one write at a time");

        writes.get(0).complete(null);

        assertEquals(2, texts.size());
        SignalBatch first = SignalBatch.parse(texts.get(0));
        SignalBatch next = SignalBatch.parse(texts.get(1));
        assertEquals(List.of(new ClusterSignal("plan-stored", "first")), first.signals());
        assertEquals(List.of(new ClusterSignal("plan-stored", "second"), new ClusterSignal("room", "third")), next.signals());
        assertEquals(first.sender(), next.sender());
        assertEquals(first.sequence() + 1, next.sequence());
        writes.get(1).complete(null);
        signals.send("room", "fourth");
        assertEquals(3, texts.size(), "with nothing under way, a signal is written at once");
    }

    @Test
    void a_receiver_fires_one_senders_signals_in_the_order_they_were_sent_whatever_order_the_cache_tells_of_them() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> fired.add(signal.text());

        receiver.heard(batch("node-a", 0, "a1").text());
        receiver.heard(batch("node-a", 2, "a3", "a4").text());
        receiver.heard(batch("node-b", 7, "b1").text());
        receiver.heard(batch("node-a", 1, "a2").text());

        assertEquals(List.of("a1", "b1", "a2", "a3", "a4"), fired);
    }

    @Test
    void a_node_does_not_fire_its_own_batches_when_the_cache_tells_of_them_as_written_by_another_node() {
        // The other node was the primary owner of these keys: the writes came back from it.
        var node = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        node.fire = signal -> fired.add(signal.text());
        var waits = new ArrayList<Runnable>();
        node.later = (task, millis) -> waits.add(task);

        node.heard(batch(node.sender, 0, "own-1").text());
        node.heard(batch(node.sender, 2, "own-3").text());
        node.heard(batch("node-b", 4, "b1").text());

        assertEquals(List.of("b1"), fired);
        assertEquals(List.of(), waits, "no gap in its own batches is waited for");
    }

    @Test
    void a_batch_is_written_under_a_key_this_node_owns_so_that_it_is_not_sent_round_through_another_node() {
        var keys = new ArrayList<Object>();
        var signals = keysWrittenTo(keys);
        signals.ownedHere = key -> ((UUID) key).getLeastSignificantBits() % 16 == 2;

        signals.send("plan-stored", "first");
        signals.send("plan-stored", "second");

        assertEquals(List.of(key(signals, 0, 2), key(signals, 1, 2)), keys);
        assertTrue(signals.ownKey(keys.get(0)), "its own key, by its first half");
        assertFalse(signals.ownKey(new UUID(UUID.randomUUID().getMostSignificantBits(), 2)), "another run's key");
        assertFalse(signals.ownKey(signals.sender + ":0:2"), "a key as an earlier version wrote it");
    }

    @Test
    void a_batch_whose_owner_cannot_be_found_or_told_is_still_written_under_a_key_of_its_own() {
        var keys = new ArrayList<Object>();
        var signals = keysWrittenTo(keys);
        signals.ownedHere = key -> false;
        signals.send("plan-stored", "owned by none of 16 salts");
        signals.ownedHere = key -> {
            throw new IllegalStateException("the cache is stopping");
        };
        signals.send("plan-stored", "owner not told");

        assertEquals(List.of(key(signals, 0, 15), key(signals, 1, 0)), keys);
    }

    @Test
    void a_batch_written_as_bytes_and_one_written_as_text_by_a_node_of_an_earlier_version_are_heard_alike() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> fired.add(signal.text());
        var arrivals = receiver.arrivals;

        arrivals.created(created(new UUID(1, 1), batch("node-b", 0, "as bytes").text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        arrivals.created(created("node-c:0", batch("node-c", 0, "as text").text()));
        arrivals.created(created(key(receiver, 0, 0), batch(receiver.sender, 0, "its own").text().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));

        // Its own, told of by its key alone: not even read (were it read, heard() would log that it is not a batch).
        arrivals.created(created(key(receiver, 1, 3), "not read".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals(List.of("as bytes", "as text"), fired);
        assertTrue(logged.isEmpty(), () -> "logged " + logged.get(0).getMessage());
    }

    /** A node whose every write succeeds at once, each batch's key added to keys. */
    private static ClusterSignals keysWrittenTo(List<Object> keys) {
        return signalsCache((method, args) -> {
            keys.add(args[0]);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** The key of a batch of the node's run: its first half, then the number and the salt. */
    private static UUID key(ClusterSignals node, long number, int salt) {
        return new UUID(UUID.fromString(node.sender).getMostSignificantBits(), number * 16 + salt);
    }

    /** The cache telling of an entry another node wrote. */
    @SuppressWarnings("unchecked")
    private static org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent<Object, Object> created(Object key, Object value) {
        return (org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent<Object, Object>) Proxy.newProxyInstance(
                ClusterSignalsTest.class.getClassLoader(),
                new Class<?>[] {org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isPre", "isOriginLocal" -> false;
                    case "getKey" -> key;
                    case "getValue" -> value;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void a_batch_that_never_comes_is_waited_for_then_those_after_it_are_fired_and_it_is_still_fired_if_it_comes_late() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> fired.add(signal.text());
        var waits = new ArrayList<Runnable>();
        receiver.later = (task, millis) -> {
            assertEquals(ClusterSignals.GAP_WAIT_MILLIS, millis);
            waits.add(task);
        };

        receiver.heard(batch("node-a", 0, "a1").text());
        receiver.heard(batch("node-a", 2, "a3").text());
        assertEquals(List.of("a1"), fired, "a3 waits for a2");
        assertEquals(1, waits.size());

        waits.get(0).run();
        assertEquals(List.of("a1", "a3"), fired);

        receiver.heard(batch("node-a", 1, "a2").text());
        assertEquals(List.of("a1", "a3", "a2"), fired, "late, never dropped");
        // An operator can tell a late batch from a lost one.
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("never came")), "the wait that ran out is logged");
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("Signal batch 1 from node-a came after those sent after it")),
                "and so is the late arrival");
    }

    @Test
    void a_write_that_fails_at_once_gives_its_number_to_the_next_batch_so_nobody_waits_for_it() {
        var texts = new ArrayList<String>();
        var signals = signalsCache(firstWriteFails(texts, new IllegalStateException("cache is stopping")));

        signals.send("room", "first");
        signals.send("room", "second");

        assertEquals(0, SignalBatch.parse(texts.get(1)).sequence());
        assertEquals(List.of(new ClusterSignal("room", "second")), SignalBatch.parse(texts.get(1)).signals());
    }

    @Test
    void an_error_while_writing_does_not_stop_the_node_sending_for_good() {
        var texts = new ArrayList<String>();
        var signals = signalsCache(firstWriteFails(texts, new AssertionError("a bug in the cache")));

        assertThrows(AssertionError.class, () -> signals.send("room", "first"));
        signals.send("room", "second");

        assertEquals(2, texts.size(), "written after the error");
        assertEquals(List.of(new ClusterSignal("room", "second")), SignalBatch.parse(texts.get(1)).signals());
    }

    @Test
    void when_the_other_nodes_do_not_take_signals_what_waits_is_bounded_and_the_rest_dropped_with_a_warning() {
        var texts = new ArrayList<String>();
        var signals = signalsCache((method, args) -> {
            texts.add(utf8(args[1]));
            return new CompletableFuture<>();
        });
        String big = "x".repeat((int) (ClusterSignals.QUEUE_CHARS / 2));

        signals.send("room", "under way");
        signals.send("room", big);
        signals.send("room", big);
        signals.send("room", "one too many");

        assertEquals(1, texts.size(), "the first write never completes");
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).getMessage().contains("1 dropped"), logged.get(0).getMessage());
    }

    @Test
    void a_topic_of_more_than_one_line_is_refused_before_it_can_spoil_a_batch() {
        var signals = signalsCache((method, args) -> CompletableFuture.completedFuture(null));

        assertThrows(IllegalArgumentException.class, () -> signals.send("room\nforged", "x"));
    }

    @Test
    void an_observer_that_throws_an_error_does_not_stop_that_senders_later_signals() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> {
            if (signal.text().equals("a1")) {
                throw new AssertionError("an observer's bug");
            }
            fired.add(signal.text());
        };

        receiver.heard(batch("node-a", 0, "a1", "a2").text());
        receiver.heard(batch("node-a", 1, "a3").text());

        assertEquals(List.of("a2", "a3"), fired);
    }

    @Test
    void a_run_of_a_node_not_heard_from_for_ten_minutes_is_forgotten_when_another_starts() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> fired.add(signal.text());
        long[] now = {0};
        receiver.clock = () -> now[0];

        receiver.heard(batch("node-a-run-1", 0, "a1").text());
        now[0] += ClusterSignals.FORGET_SENDER_NANOS + 1;
        receiver.heard(batch("node-b-run-1", 0, "b1").text());
        // Had run 1 been kept, its batch 5 would wait for 1 to 4.
        receiver.heard(batch("node-a-run-1", 5, "a6").text());

        assertEquals(List.of("a1", "b1", "a6"), fired);
    }

    @Test
    void a_run_heard_from_lately_is_kept_when_another_starts() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> fired.add(signal.text());
        long[] now = {0};
        receiver.clock = () -> now[0];

        receiver.heard(batch("node-a-run-1", 0, "a1").text());
        now[0] += ClusterSignals.FORGET_SENDER_NANOS - 1;
        receiver.heard(batch("node-b-run-1", 0, "b1").text());
        receiver.heard(batch("node-a-run-1", 2, "a3").text());

        assertEquals(List.of("a1", "b1"), fired, "a3 waits for a2");
    }

    @Test
    void an_entry_that_is_not_a_batch_is_ignored_with_a_warning() {
        var receiver = signalsCache((method, args) -> CompletableFuture.completedFuture(null));
        var fired = new ArrayList<String>();
        receiver.fire = signal -> fired.add(signal.text());

        receiver.heard("access-changed\nsign-out\n");

        assertTrue(fired.isEmpty());
        assertEquals(1, logged.size());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
    }

    private static SignalBatch batch(String sender, long sequence, String... texts) {
        return new SignalBatch(sender, sequence, java.util.Arrays.stream(texts).map(t -> new ClusterSignal("room", t)).toList());
    }

    @Test
    void a_signal_that_fails_to_reach_the_other_nodes_is_logged_as_a_warning_with_its_topic() {
        var signals = signalsCache((method, args) ->
                CompletableFuture.failedFuture(new IllegalStateException("node-b did not answer")));

        signals.send("access-changed", "override\n");

        assertEquals(1, logged.size(), "one warning");
        LogRecord warning = logged.get(0);
        assertEquals(Level.WARNING, warning.getLevel());
        assertTrue(warning.getMessage().contains("access-changed"), warning.getMessage());
        assertEquals("node-b did not answer", warning.getThrown().getMessage());
    }

    @Test
    void a_signals_cache_that_refuses_the_write_at_once_is_logged_too_not_thrown_at_the_committer() {
        var signals = signalsCache((method, args) -> {
            throw new IllegalStateException("cache is stopping");
        });

        signals.send("access-changed", "removal\n");

        assertEquals(1, logged.size(), "one warning");
        assertTrue(logged.get(0).getMessage().contains("access-changed"));
    }

    @Test
    void a_signal_sent_and_written_in_time_logs_nothing() {
        var signals = signalsCache((method, args) -> CompletableFuture.completedFuture(null));

        signals.send("access-changed", "sign-out\n");

        assertTrue(logged.isEmpty(), () -> "logged " + logged.size());
    }

    /** A cache whose first write throws {@code failure} at once ("failed" in {@code texts}); the others are written there. */
    private static Write firstWriteFails(List<String> texts, Throwable failure) {
        return (method, args) -> {
            if (texts.isEmpty()) {
                texts.add("failed");
                if (failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
            texts.add(utf8(args[1]));
            return CompletableFuture.completedFuture(null);
        };
    }

    /** A batch as written to the cache: its text's UTF-8 bytes. */
    private static String utf8(Object written) {
        return new String((byte[]) written, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What the stand-in does with a write: put or putAsync, and their arguments. */
    private interface Write {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static ClusterSignals signalsCache(Write write) {
        var signals = new ClusterSignals();
        signals.signals = (Cache<Object, Object>) Proxy.newProxyInstance(ClusterSignalsTest.class.getClassLoader(),
                new Class<?>[] {Cache.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "put", "putAsync" -> write.answer(method.getName(), args);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        // A cache shared with other nodes (on one node nothing is sent at all).
        signals.clustered = true;
        return signals;
    }
}
