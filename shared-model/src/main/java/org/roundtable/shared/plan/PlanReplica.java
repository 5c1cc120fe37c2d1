package org.roundtable.shared.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's copy of the plan. Local edits apply at once and wait to be sent; one change is in
 * flight at a time, and the rest gather behind it. Changes from others are rewritten against
 * what is still unconfirmed here, so local work is never lost or applied twice. The browser's
 * live client follows the same rules.
 */
public final class PlanReplica {

    private final String clientId;
    private PlanDocument document;
    private long revision;
    private PlanChange inFlight;
    private List<PlanOperation> buffer = new ArrayList<>();
    /** Shown only part of the plan: the server leaves out the revisions that change nothing of it. */
    private boolean partOfPlan;

    public PlanReplica(String clientId, PlanDocument document, long revision) {
        this.clientId = clientId;
        this.document = document.copy();
        this.revision = revision;
    }

    /** For a client shown only part of the plan (docs/protocol.md, "Part of the plan"): revisions may be skipped. */
    public PlanReplica seeingPartOfThePlan() {
        partOfPlan = true;
        return this;
    }

    /** A local edit: applied here now (throws {@link PlanRejection} if it does not fit), sent later. */
    public void edit(PlanOperation op) {
        document.apply(op);
        buffer.add(op);
    }

    /** The change to send now, if nothing is in flight and there is something to send. */
    public Optional<PlanChange> nextToSend() {
        if (inFlight != null || buffer.isEmpty()) {
            return Optional.empty();
        }
        inFlight = new PlanChange(UUID.randomUUID().toString(), clientId, revision, buffer);
        buffer = new ArrayList<>();
        return Optional.of(inFlight);
    }

    /** The change in flight again, based on the current revision: for resending after a reconnect. */
    public Optional<PlanChange> resend() {
        if (inFlight == null) {
            return Optional.empty();
        }
        inFlight = new PlanChange(inFlight.changeId(), clientId, revision, inFlight.operations());
        return Optional.of(inFlight);
    }

    /** A change the server applied, in revision order: ours (confirmed) or someone else's. */
    public void receive(PlanChange applied) {
        if (applied.revision() <= revision) {
            return;
        }
        if (applied.revision() != revision + 1 && !partOfPlan) {
            throw new IllegalStateException("missed revisions " + (revision + 1) + " to " + (applied.revision() - 1));
        }
        if (inFlight != null && inFlight.changeId().equals(applied.changeId())) {
            inFlight = null;
            revision = applied.revision();
            return;
        }
        List<PlanOperation> incoming = applied.operations();
        if (inFlight != null) {
            var pair = Transform.transform(inFlight.operations(), incoming);
            inFlight = new PlanChange(inFlight.changeId(), clientId, inFlight.revision(), pair.later());
            incoming = pair.earlier();
        }
        var pair = Transform.transform(buffer, incoming);
        buffer = new ArrayList<>(pair.later());
        for (PlanOperation op : pair.earlier()) {
            document.apply(op);
        }
        revision = applied.revision();
    }

    /** Confirmation of our change in flight (when it is not also sent to us as a change). */
    public void confirm(String changeId, long appliedRevision) {
        if (inFlight != null && inFlight.changeId().equals(changeId) && appliedRevision == revision + 1) {
            inFlight = null;
            revision = appliedRevision;
        }
    }

    /** The id of the change in flight (sent, not yet confirmed), for {@code hello.pending} after a reconnect. */
    public Optional<String> inFlightId() {
        return Optional.ofNullable(inFlight).map(PlanChange::changeId);
    }

    public boolean hasUnconfirmed() {
        return inFlight != null || !buffer.isEmpty();
    }

    public PlanDocument document() {
        return document.copy();
    }

    public long revision() {
        return revision;
    }

    public String clientId() {
        return clientId;
    }
}
