package org.roundtable.shared.plan;

import java.util.List;
import java.util.Objects;

/**
 * A batch of operations as one client sent it (with the revision it was made against), or as the
 * server applied it (with the revision it created, rewritten against everything applied since).
 */
public record PlanChange(String changeId, String clientId, long revision, List<PlanOperation> operations) {

    public PlanChange {
        Objects.requireNonNull(changeId);
        Objects.requireNonNull(clientId);
        operations = List.copyOf(operations);
    }
}
