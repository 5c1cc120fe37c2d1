package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How many downloads of "everything we hold" are under way, per family and on this server. Each
 * holds a worker thread for as long as its reader takes (a slow or stalled reader holds it for
 * long), so a family gets a few at once and the server a few more, never enough to take the
 * threads everyone else needs. Read on every use, so an operator can change them while the server
 * runs: {@code roundtable.export.per-family} (default 2) and {@code roundtable.export.at-once}
 * (default 8).
 */
@ApplicationScoped
public class ExportsUnderWay {

    public static final String PER_FAMILY = "roundtable.export.per-family";
    public static final String AT_ONCE = "roundtable.export.at-once";
    static final Duration FAMILY_RETRY = Duration.ofSeconds(60);
    static final Duration SERVER_RETRY = Duration.ofSeconds(30);

    private final Map<UUID, Integer> byFamily = new HashMap<>();
    private int total;

    /** One download under way; closing it (once or more) lets another start. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public synchronized Permit begin(UUID familyId) {
        int ofFamily = byFamily.getOrDefault(familyId, 0);
        if (ofFamily >= Integer.getInteger(PER_FAMILY, 2)) {
            throw new TryLater("Your family's data is already being downloaded. Wait for that download to finish, then try again.",
                    FAMILY_RETRY, false);
        }
        if (total >= Integer.getInteger(AT_ONCE, 8)) {
            throw new TryLater("Many people are downloading their data just now. Please try again in a minute.", SERVER_RETRY, true);
        }
        byFamily.put(familyId, ofFamily + 1);
        total++;
        return new Permit() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (ExportsUnderWay.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    byFamily.computeIfPresent(familyId, (f, n) -> n <= 1 ? null : n - 1);
                    total--;
                }
            }
        };
    }
}
