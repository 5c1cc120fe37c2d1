package org.roundtable.shared.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roundtable.shared.plan.PlanRejection.Reason;

/**
 * The server's copy of one plan and the single order of its changes. A change arrives with the
 * revision its author had seen; it is rewritten against every change applied since, applied
 * whole or not at all, and given the next revision. A change id seen before is not applied
 * twice. Recent changes are kept so that a client coming back can be sent what it missed.
 */
public final class PlanAuthority {

    /** What became of a submitted change. */
    public sealed interface Outcome permits Applied, Duplicate {
    }

    /** Applied as {@code change} (its operations rewritten for the current plan). */
    public record Applied(PlanChange change) implements Outcome {
    }

    /** Already applied before, at this revision; nothing more happened. */
    public record Duplicate(long revision) implements Outcome {
    }

    private PlanDocument document;
    private long revision;
    private final int retained;
    private final Deque<PlanChange> log = new ArrayDeque<>();
    private final Map<String, Long> appliedIds;

    public PlanAuthority(PlanDocument document, long revision, int retained) {
        this.document = document.copy();
        this.revision = revision;
        this.retained = retained;
        int remembered = Math.max(retained, 1024);
        this.appliedIds = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > remembered;
            }
        };
    }

    /** A change checked and rewritten, ready to be made permanent and then committed here. */
    public record Prepared(PlanChange change, PlanDocument result) {
    }

    /** Applies a client's change, or throws {@link PlanRejection} and changes nothing. */
    public Outcome submit(PlanChange change) {
        Long seen = appliedIds.get(change.changeId());
        if (seen != null) {
            return new Duplicate(seen);
        }
        Prepared prepared = prepare(change);
        commit(prepared);
        return new Applied(prepared.change());
    }

    /** The revision at which this change id was applied, if it still is remembered. */
    public Long appliedRevision(String changeId) {
        return appliedIds.get(changeId);
    }

    /**
     * Rewrites a change against everything applied since its base and applies it to a copy:
     * nothing here changes until {@link #commit}. The server stores the prepared change first,
     * and only then commits and tells anyone about it.
     */
    public Prepared prepare(PlanChange change) {
        if (change.revision() > revision) {
            throw new PlanRejection(Reason.FUTURE_BASE, "The change is based on revision " + change.revision()
                    + " but the plan is only at " + revision + ".");
        }
        if (change.revision() < oldestRetainedBase()) {
            throw new PlanRejection(Reason.STALE_BASE, "The change is based on revision " + change.revision()
                    + ", older than the history kept (" + oldestRetainedBase() + "). Reload the plan and apply it again.");
        }
        List<PlanOperation> ops = change.operations();
        try {
            // The changes since its base are the newest few of a history of up to a thousand: found from the end.
            var since = new ArrayDeque<PlanChange>();
            for (var newest = log.descendingIterator(); newest.hasNext(); ) {
                PlanChange applied = newest.next();
                if (applied.revision() <= change.revision()) {
                    break;
                }
                since.addFirst(applied);
            }
            for (PlanChange applied : since) {
                ops = Transform.transform(ops, applied.operations()).later();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PlanRejection(Reason.TEXT_MISMATCH, "A text edit does not fit the text it was made to.");
        }
        PlanDocument next = document.copy();
        for (PlanOperation op : ops) {
            next.apply(op);
        }
        for (PlanOperation op : ops) {
            StorableCheck.require(next.node(op.nodeId()).orElseThrow());
        }
        return new Prepared(new PlanChange(change.changeId(), change.clientId(), revision + 1, ops), next);
    }

    /** Makes a prepared change the current state; it must be the next revision. */
    public void commit(Prepared prepared) {
        if (prepared.change().revision() != revision + 1) {
            throw new IllegalStateException("prepared for revision " + prepared.change().revision() + ", plan is at " + revision);
        }
        document = prepared.result();
        remember(prepared.change());
    }

    /** Replays a change already stored (on loading the plan), without rewriting it. */
    public void restore(PlanChange stored) {
        if (stored.revision() <= revision) {
            return;
        }
        if (stored.revision() != revision + 1) {
            throw new IllegalStateException("stored change " + stored.revision() + " does not follow " + revision);
        }
        for (PlanOperation op : stored.operations()) {
            document.apply(op);
        }
        remember(stored);
    }

    /** Keeps a change stored before the snapshot in the history, for rewriting late changes. */
    public void rememberOlder(PlanChange stored) {
        if (stored.revision() > revision) {
            throw new IllegalStateException("not older than the plan");
        }
        if (log.size() >= retained) {
            // The history is full (changes after the snapshot may already fill it): older ones are not needed.
            return;
        }
        if (!log.isEmpty() && stored.revision() != log.peekFirst().revision() - 1) {
            throw new IllegalStateException("older changes are remembered newest first, without gaps");
        }
        if (log.isEmpty() && stored.revision() != revision) {
            throw new IllegalStateException("the newest older change must be the plan's revision");
        }
        log.addFirst(stored);
        appliedIds.put(stored.changeId(), stored.revision());
    }

    private void remember(PlanChange applied) {
        revision = applied.revision();
        log.addLast(applied);
        while (log.size() > retained) {
            log.removeFirst();
        }
        appliedIds.put(applied.changeId(), revision);
    }

    /** The changes after a revision, oldest first; throws STALE_BASE when some are no longer kept. */
    public List<PlanChange> since(long fromRevision) {
        if (fromRevision < oldestRetainedBase() || fromRevision > revision) {
            throw new PlanRejection(Reason.STALE_BASE, "Revision " + fromRevision + " is not in the history kept.");
        }
        var missed = new ArrayList<PlanChange>();
        for (PlanChange c : log) {
            if (c.revision() > fromRevision) {
                missed.add(c);
            }
        }
        return missed;
    }

    /** The oldest revision a client may base a change on: every change after it is still kept. */
    public long oldestRetainedBase() {
        return log.isEmpty() ? revision : log.peekFirst().revision() - 1;
    }

    public long revision() {
        return revision;
    }

    public PlanDocument document() {
        return document.copy();
    }

    public boolean has(String nodeId) {
        return document.node(nodeId).isPresent();
    }
}
