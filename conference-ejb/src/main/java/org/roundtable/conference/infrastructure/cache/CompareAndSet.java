package org.roundtable.conference.infrastructure.cache;

import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * Changes one entry of a cache atomically by compare-and-set: read it, compute the next value,
 * and write that only if the entry is still what was read; when another writer came first, read
 * again and retry, at most {@link #MAX_TRIES} times. Not compute(): on the HA server the caches
 * are replicated, and a lambda cannot travel to the node that owns the key. Works on any
 * ConcurrentMap (an Infinispan cache is one), which is how it is tested.
 */
final class CompareAndSet {

    /** Far more than a room sees: a live room's writers are its few connections, each one change at a time. */
    static final int MAX_TRIES = 100;

    private CompareAndSet() {
    }

    /**
     * Applies the change to the entry and returns the value written; a null from the change removes
     * the entry (or leaves it absent). The change may run several times, so it must not have effects.
     *
     * @throws GaveUp when other writers changed the entry first {@link #MAX_TRIES} times in a row
     */
    static <K, V> V update(ConcurrentMap<K, V> cache, K key, UnaryOperator<V> change) {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            V old = cache.get(key);
            V next = change.apply(old);
            boolean done;
            if (old == null) {
                done = next == null || cache.putIfAbsent(key, next) == null;
            } else if (next == null) {
                done = cache.remove(key, old);
            } else {
                done = cache.replace(key, old, next);
            }
            if (done) {
                return next;
            }
        }
        throw new GaveUp(key);
    }

    /** Other writers kept changing one entry first: the change was not made. */
    static final class GaveUp extends IllegalStateException {
        GaveUp(Object key) {
            super("Gave up changing the cache entry " + key + " after " + MAX_TRIES
                    + " tries: another writer changed it first every time; the change was not made");
        }
    }
}
