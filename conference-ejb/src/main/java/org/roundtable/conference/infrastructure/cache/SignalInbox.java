package org.roundtable.conference.infrastructure.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The batches heard from one sender, passed on in the order they were sent: the replicated cache
 * does not promise to tell listeners of two writes in the order they were made, and a node that
 * follows a plan must take its changes in order (an early one makes it wait, then read the
 * plan again, which under load cost more than everything else). A batch that never comes (its
 * write failed, and that was logged on the sender) is waited for until {@link #skipGap()} is called;
 * a batch that comes after it was skipped is still passed on, late, never dropped.
 * Not thread-safe: ClusterSignals holds it under its lock.
 */
final class SignalInbox {

    private long next = -1;
    private final TreeMap<Long, SignalBatch> early = new TreeMap<>();

    /** The batches now ready, in order: this one and any it was the gap before. */
    List<SignalBatch> arrived(SignalBatch batch) {
        if (next < 0) {
            // The first heard from this sender: whatever came before it (before this node joined) is not ours.
            next = batch.sequence();
        }
        if (batch.sequence() < next) {
            return List.of(batch);
        }
        early.put(batch.sequence(), batch);
        return ready();
    }

    /** Whether a batch is missing before those waiting. */
    boolean waiting() {
        return !early.isEmpty();
    }

    /** The sequence number awaited now. */
    long awaited() {
        return next;
    }

    /** Stops waiting for the missing batch: those after it, up to the next gap, are ready. */
    List<SignalBatch> skipGap() {
        if (early.isEmpty()) {
            return List.of();
        }
        next = early.firstKey();
        return ready();
    }

    private List<SignalBatch> ready() {
        var ready = new ArrayList<SignalBatch>();
        for (var first = early.firstEntry(); first != null && first.getKey() == next; first = early.firstEntry()) {
            ready.add(early.pollFirstEntry().getValue());
            next++;
        }
        return ready;
    }
}
