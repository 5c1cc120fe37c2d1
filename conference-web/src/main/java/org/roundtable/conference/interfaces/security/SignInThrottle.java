package org.roundtable.conference.interfaces.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many sign-in requests one source address may make: a bucket per address that holds
 * {@code burst} requests and refills at {@code perMinute}. It is checked before anything costly
 * (a password hash, a database row), so a flood from one address is turned away cheaply and
 * leaves the server to everyone else. Kept in memory per node: a limit, not a record.
 */
public final class SignInThrottle {

    /** Buckets beyond this many are pruned of full ones, so that many addresses cannot fill memory. */
    private static final int MAX_BUCKETS = 100_000;

    private final double burst;
    private final double perNano;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SignInThrottle(int burst, int perMinute, LongSupplier nanos) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("The sign-in throttle needs a burst and a rate of at least 1");
        }
        this.burst = burst;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanos = nanos;
    }

    /** roundtable.sign-in.per-source.burst (default 20) and .per-minute (default 30). */
    public static SignInThrottle configured() {
        return new SignInThrottle(Integer.getInteger("roundtable.sign-in.per-source.burst", 20),
                Integer.getInteger("roundtable.sign-in.per-source.per-minute", 30), System::nanoTime);
    }

    /** Takes one request from the address's allowance; empty when there is none, else the wait until there is. */
    public Duration take(String source) {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.isFullAt(now));
        }
        return buckets.computeIfAbsent(source, s -> new Bucket(burst, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
        }
    }
}
