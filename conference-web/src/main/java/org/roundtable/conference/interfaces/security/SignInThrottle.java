package org.roundtable.conference.interfaces.security;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many sign-in requests one source address may make: {@code burst} at once, then
 * {@code perMinute}. It is checked before anything costly (a password hash, a database row), so a
 * flood from one address is turned away cheaply and leaves the server to everyone else.
 *
 * <p>Each address's allowance is one number, the moment its allowance is full again (the
 * generic cell rate algorithm: each request moves it on by one interval, and a request that would
 * put it more than a burst ahead waits). So it fits a {@link Store} shared by every node of a
 * cluster, written by compare-and-set: one address spreading its requests over the nodes gets
 * what one node would give it. Should the shared store fail (a cluster changing its members),
 * the request is counted in this node's memory instead, so the limit still holds, per node.
 */
public final class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    /** Other nodes writing the same address's allowance first this many times in a row: the request waits an interval. */
    private static final int MAX_TRIES = 100;

    /** Where each address's allowance is kept. */
    public interface Store {
        /** When the address's allowance is full again (epoch ms); null when it is full. */
        Long fullAt(String source);

        /** Sets it to {@code next} if it is still {@code expected} (null: none), kept for {@code keep}; whether it was set. */
        boolean replace(String source, Long expected, long next, Duration keep);
    }

    private final long interval;
    private final long tolerance;
    private final LongSupplier millis;
    private final Store store;
    private final Store fallback;
    private final AtomicLong storeFailures = new AtomicLong();

    /**
     * @param millis the clock, in epoch milliseconds (every node's, so a shared store's entries mean the same on each)
     * @param store where the allowances are kept; also counted in memory should it fail
     */
    public SignInThrottle(int burst, int perMinute, LongSupplier millis, Store store) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("The sign-in throttle needs a burst and a rate of at least 1");
        }
        this.interval = Math.max(1, Math.round(Duration.ofMinutes(1).toMillis() / (double) perMinute));
        this.tolerance = (burst - 1) * interval;
        this.millis = millis;
        this.store = Objects.requireNonNull(store);
        this.fallback = inMemory(millis);
    }

    /** roundtable.sign-in.per-source.burst (default 20) and .per-minute (default 30). */
    public static SignInThrottle configured(Store store) {
        return new SignInThrottle(Integer.getInteger("roundtable.sign-in.per-source.burst", 20),
                Integer.getInteger("roundtable.sign-in.per-source.per-minute", 30), System::currentTimeMillis, store);
    }

    /** Takes one request from the address's allowance; empty when there is none, else the wait until there is. */
    public Duration take(String source) {
        try {
            return take(store, source);
        } catch (RuntimeException e) {
            long failures = storeFailures.incrementAndGet();
            if (Long.bitCount(failures) == 1) {
                LOG.log(Level.WARNING, "the shared sign-in allowances could not be read or written (" + failures
                        + " times so far); counted on this node alone meanwhile", e);
            }
            return take(fallback, source);
        }
    }

    private Duration take(Store in, String source) {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            long now = millis.getAsLong();
            Long fullAt = in.fullAt(source);
            // Never further ahead than a full burst and one more: only a node whose clock runs fast could have written that,
            // and it must not lock the address out here for longer than one interval (the nodes' clocks should agree: NTP).
            long from = fullAt == null ? now : Math.min(Math.max(fullAt, now), now + tolerance + interval);
            long ahead = from - now;
            if (ahead > tolerance) {
                return Duration.ofMillis(ahead - tolerance);
            }
            long next = from + interval;
            if (in.replace(source, fullAt, next, Duration.ofMillis(next - now))) {
                return Duration.ZERO;
            }
        }
        // Refused rather than counted nowhere: so many writers at once are a flood from this address.
        return Duration.ofMillis(interval);
    }

    /** Allowances in this JVM's memory: beyond 100,000 addresses, those whose allowance is full again are let go. */
    public static Store inMemory(LongSupplier millis) {
        return new Store() {
            private static final int MAX_ADDRESSES = 100_000;
            private final Map<String, Long> fullAt = new ConcurrentHashMap<>();

            @Override
            public Long fullAt(String source) {
                return fullAt.get(source);
            }

            @Override
            public boolean replace(String source, Long expected, long next, Duration keep) {
                if (fullAt.size() > MAX_ADDRESSES) {
                    long now = millis.getAsLong();
                    fullAt.values().removeIf(at -> at <= now);
                }
                return expected == null ? fullAt.putIfAbsent(source, next) == null : fullAt.replace(source, expected, next);
            }
        };
    }
}
