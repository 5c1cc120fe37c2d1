package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Allowances (how fast one source may ask for something) kept in the Infinispan cache
 * {@code allowances}, so that on the HA server every node counts against the same allowance: a
 * source that spreads its requests over N nodes gets what it would get from one, not N times as
 * much. Local on the single-node server, distributed on the HA server (configure-cluster.cli).
 * Each entry is one number, the moment (epoch milliseconds, as every node's clock reads) at which
 * the source's allowance is full again; it expires then, so a quiet source costs nothing. Written
 * by compare-and-set only (see {@link CompareAndSet} for why not compute()).
 */
@ApplicationScoped
public class SharedAllowances {

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/allowances")
    private Cache<String, Long> allowances;

    /** When the key's allowance is full again (epoch ms); null when it is full (or was never used). */
    public Long fullAt(String key) {
        return allowances.get(key);
    }

    /**
     * Sets the key's entry to {@code next} if it is still {@code expected} (null: there is none),
     * kept for {@code keep}; whether it was set. Another node may have written it meanwhile.
     */
    public boolean replace(String key, Long expected, long next, Duration keep) {
        long millis = Math.max(1, keep.toMillis());
        return expected == null
                ? allowances.putIfAbsent(key, next, millis, TimeUnit.MILLISECONDS) == null
                : allowances.replace(key, expected, next, millis, TimeUnit.MILLISECONDS);
    }
}
