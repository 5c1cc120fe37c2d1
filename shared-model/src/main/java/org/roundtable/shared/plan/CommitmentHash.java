package org.roundtable.shared.plan;

import org.roundtable.shared.audit.ChainHash;

/**
 * What an owner signs when they sign off an action: its words, its owner and its due date,
 * hashed. A change to any of those voids the signature; a change of status (progress after the
 * conference) does not, because that is doing the commitment, not changing it.
 */
public final class CommitmentHash {

    private CommitmentHash() {
    }

    public static String of(PlanNode action) {
        if (action.kind() != PlanNode.Kind.ACTION) {
            throw new IllegalArgumentException("Only an action can be signed off.");
        }
        return ChainHash.link(null, action.id(), action.get(PlanField.DESCRIPTION), action.get(PlanField.OWNER),
                action.get(PlanField.DUE_ON));
    }
}
