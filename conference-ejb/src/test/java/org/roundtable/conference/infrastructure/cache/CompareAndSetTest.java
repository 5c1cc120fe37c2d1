package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live rooms' state and presence are changed by compare-and-set on caches that several
 * connections (and, on the HA server, several nodes) write at once: no change may be lost, and a
 * change that never wins the race must end with a clear exception, not spin for ever.
 */
class CompareAndSetTest {

    private static final String ROOM = "conference-1";

    @Test
    void connections_joining_one_room_at_the_same_moment_are_all_present() throws Exception {
        var presence = new ConcurrentHashMap<String, String>();
        int threads = 4;
        int joinsEach = 250;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String thread = "t" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < joinsEach; i++) {
                        String connection = thread + "-c" + i;
                        CompareAndSet.update(presence, ROOM, old -> old == null ? connection : old + "," + connection);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        var present = Arrays.asList(presence.get(ROOM).split(","));
        assertEquals(threads * joinsEach, present.size(), "every join landed");
        assertEquals(threads * joinsEach, new HashSet<>(present).size(), "and none twice");
    }

    @Test
    void a_change_that_loses_the_race_is_made_again_on_the_other_writers_value() {
        var cache = new LosingMap(3);
        cache.put(ROOM, "chair");

        String written = CompareAndSet.update(cache, ROOM, old -> old + ",teacher");

        assertEquals("other-writer-3,teacher", written, "read again after each loss; nothing of the last winner dropped");
        assertEquals(written, cache.get(ROOM));
        assertEquals(4, cache.compares);
    }

    @Test
    void a_change_that_loses_the_race_one_time_short_of_the_bound_still_lands() {
        var cache = new LosingMap(CompareAndSet.MAX_TRIES - 1);

        String written = CompareAndSet.update(cache, ROOM, old -> "teacher");

        assertEquals("teacher", written);
        assertEquals("teacher", cache.get(ROOM));
    }

    @Test
    void a_store_that_always_loses_the_race_gives_up_after_a_hundred_tries_with_a_clear_exception() {
        var cache = new LosingMap(Integer.MAX_VALUE);
        cache.put(ROOM, "chair");

        var gaveUp = assertThrows(CompareAndSet.GaveUp.class,
                () -> CompareAndSet.update(cache, ROOM, old -> old + ",teacher"));

        assertEquals(100, CompareAndSet.MAX_TRIES);
        assertEquals(CompareAndSet.MAX_TRIES, cache.compares, "tried exactly the bound, then stopped");
        assertTrue(gaveUp.getMessage().contains(ROOM), gaveUp.getMessage());
        assertTrue(gaveUp.getMessage().contains("after 100 tries"), gaveUp.getMessage());
        assertFalse(cache.get(ROOM).contains("teacher"), "the change was not made");
    }

    @Test
    void a_change_to_nothing_removes_the_entry_and_leaves_an_absent_one_absent() {
        var cache = new ConcurrentHashMap<String, String>();
        cache.put(ROOM, "chair");

        CompareAndSet.update(cache, ROOM, old -> null);
        assertFalse(cache.containsKey(ROOM));

        CompareAndSet.update(cache, ROOM, old -> null);
        assertFalse(cache.containsKey(ROOM));
    }

    @Test
    void a_removal_that_loses_the_race_keeps_the_other_writers_entry_until_it_wins() {
        var cache = new LosingMap(2);
        cache.put(ROOM, "chair");

        CompareAndSet.update(cache, ROOM, old -> old.startsWith("other-writer") ? null : old);

        assertFalse(cache.containsKey(ROOM));
        assertEquals(3, cache.compares);
    }

    /**
     * A cache where another writer changes the entry just before each of the first {@code losses}
     * compares, so that compare fails as it would on a busy replicated cache.
     */
    private static final class LosingMap extends ConcurrentHashMap<String, String> {
        private final int losses;
        private int compares;

        LosingMap(int losses) {
            this.losses = losses;
        }

        private void anotherWriterFirst(String key) {
            compares++;
            if (compares <= losses) {
                super.put(key, "other-writer-" + compares);
            }
        }

        @Override
        public String putIfAbsent(String key, String value) {
            anotherWriterFirst(key);
            return super.putIfAbsent(key, value);
        }

        @Override
        public boolean replace(String key, String oldValue, String newValue) {
            anotherWriterFirst(key);
            return super.replace(key, oldValue, newValue);
        }

        @Override
        public boolean remove(Object key, Object value) {
            anotherWriterFirst((String) key);
            return super.remove(key, value);
        }
    }
}
