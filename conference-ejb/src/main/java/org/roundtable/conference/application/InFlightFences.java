package org.roundtable.conference.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * On a plan's owner node: the change ids a reconnecting client was told were not applied
 * (LivePlanService#settleInFlight), each with the one connection that may still apply it. A copy
 * of such a change still on its way from the client's earlier connection is then refused, so it
 * can never be applied after the welcome said it was not (and again, made anew by the client).
 *
 * Kept apart from the plan held in memory, so that a plan read again (a write failed, it went
 * idle, it moved away and back) keeps them. Each person's are their own: a hello that lists
 * someone else's change id fences (or frees) nothing of theirs. A fence lasts {@link #LASTS}
 * (a late copy comes seconds late), and a person keeps at most {@link #PER_PERSON} per plan, the
 * oldest dropped first, so a participant reconnecting in a loop cannot fill the memory.
 */
final class InFlightFences {

    /** How long a fence lasts: far longer than a change can take to reach the owner and begin. */
    static final long LASTS = TimeUnit.SECONDS.toNanos(Long.getLong("roundtable.plan.fence-seconds", 120));
    /** A client lists at most 16 changes in flight in a hello; a few hellos' worth. */
    static final int PER_PERSON = 64;
    /** Past this many people with fences, those whose fences have all ended are forgotten. */
    private static final int SWEEP_ABOVE = 1024;
    /** Past how many the next sweep comes: twice as many as the last one left, so that sweeping costs little per fence. */
    private volatile int sweepAbove = SWEEP_ABOVE;

    private record Person(UUID familyId, UUID personId) {
    }

    private record Fence(String clientId, long until) {
    }

    private final ConcurrentMap<Person, Map<String, Fence>> fences = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    InFlightFences(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** From now on, only connection {@code clientId} may apply the person's change {@code changeId} to the family's plan. */
    void fence(UUID familyId, UUID personId, String changeId, String clientId) {
        long now = nanos.getAsLong();
        if (fences.size() > sweepAbove) {
            for (Person person : fences.keySet()) {
                // Per key and atomic, as every change to the map is: a fence being added is never swept with its emptied map.
                fences.computeIfPresent(person, (p, own) -> {
                    synchronized (own) {
                        own.values().removeIf(f -> now - f.until() >= 0);
                        return own.isEmpty() ? null : own;
                    }
                });
            }
            sweepAbove = Math.max(SWEEP_ABOVE, 2 * fences.size());
        }
        fences.compute(new Person(familyId, personId), (p, own) -> {
            Map<String, Fence> mine = own != null ? own : new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Fence> eldest) {
                    return size() > PER_PERSON;
                }
            };
            synchronized (mine) {
                // Put again so that it counts as the newest.
                mine.remove(changeId);
                mine.put(changeId, new Fence(clientId, now + LASTS));
            }
            return mine;
        });
    }

    /** Whether the person's change, sent on connection {@code clientId}, is one another connection of theirs now answers for. */
    boolean keepsOut(UUID familyId, UUID personId, String changeId, String clientId) {
        if (fences.isEmpty()) {
            return false;
        }
        Map<String, Fence> own = fences.get(new Person(familyId, personId));
        if (own == null) {
            return false;
        }
        synchronized (own) {
            Fence fence = own.get(changeId);
            return fence != null && nanos.getAsLong() - fence.until() < 0 && !fence.clientId().equals(clientId);
        }
    }

    /** How many people have fences kept (for tests). */
    int people() {
        return fences.size();
    }

    /** The change was applied (from the connection allowed to): its fence has done its work. */
    void applied(UUID familyId, UUID personId, String changeId) {
        if (fences.isEmpty()) {
            return;
        }
        fences.computeIfPresent(new Person(familyId, personId), (p, own) -> {
            synchronized (own) {
                own.remove(changeId);
                return own.isEmpty() ? null : own;
            }
        });
    }
}
