package org.roundtable.conference.application;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The plans held in memory, by family, each let go once nobody has used it for a while: memory
 * stays bounded by the plans in use, not by every plan ever opened. A plan let go is read again
 * from the database on its next use (everything acknowledged is on disk by then).
 */
final class LoadedPlans<P> {

    /** A plan and when it was last used (a clock reading in nanoseconds). */
    private static final class Held<P> {
        final P plan;
        volatile long lastUsed;

        Held(P plan, long now) {
            this.plan = plan;
            this.lastUsed = now;
        }
    }

    private final ConcurrentMap<UUID, Held<P>> held = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final LongSupplier clock;

    LoadedPlans(long idleNanos, LongSupplier clock) {
        this.idleNanos = idleNanos;
        this.clock = clock;
    }

    /** The family's plan, loaded if it is not held; marked as used now. */
    P use(UUID familyId, Function<UUID, P> load) {
        long now = clock.getAsLong();
        Held<P> h = held.computeIfAbsent(familyId, id -> new Held<>(load.apply(id), now));
        h.lastUsed = now;
        return h.plan;
    }

    /** The family's plan if it is held, without loading it or marking it as used; else null. */
    P peek(UUID familyId) {
        Held<P> h = held.get(familyId);
        return h == null ? null : h.plan;
    }

    /** Marks the family's plan, if held, as used now. */
    void touch(UUID familyId) {
        Held<P> h = held.get(familyId);
        if (h != null) {
            h.lastUsed = clock.getAsLong();
        }
    }

    /** Whether this is still the plan held for the family (it may have been let go or replaced). */
    boolean isCurrent(UUID familyId, P plan) {
        Held<P> h = held.get(familyId);
        return h != null && h.plan == plan;
    }

    /** Lets go of this plan (if it is still the one held). */
    void forget(UUID familyId, P plan) {
        held.computeIfPresent(familyId, (id, h) -> h.plan == plan ? null : h);
    }

    void forget(UUID familyId) {
        held.remove(familyId);
    }

    /** How a plan is let go safely: by running {@code letGo} while nothing else holds the plan, or not at all. */
    @FunctionalInterface
    interface Release<P> {
        boolean tryRelease(P plan, Runnable letGo);
    }

    /** Lets go of every plan unused for the idle time that {@code release} lets go of now. Returns how many. */
    int releaseIdle(Release<P> release) {
        long now = clock.getAsLong();
        int released = 0;
        for (var entry : held.entrySet()) {
            Held<P> h = entry.getValue();
            if (now - h.lastUsed >= idleNanos && release.tryRelease(h.plan, () -> held.remove(entry.getKey(), h))) {
                released++;
            }
        }
        return released;
    }

    /** Each plan held now, with its family. */
    void forEach(java.util.function.BiConsumer<UUID, P> each) {
        held.forEach((familyId, h) -> each.accept(familyId, h.plan));
    }

    int size() {
        return held.size();
    }
}
