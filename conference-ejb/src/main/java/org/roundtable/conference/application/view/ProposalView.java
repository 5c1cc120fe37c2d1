package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.DetailProposal;
import org.roundtable.shared.record.DetailField;

public record ProposalView(UUID id, UUID memberId, String memberName, DetailField field, String fieldName, String currentValue,
        String proposedValue, String reason, String proposedByName, String agencyName, Instant proposedAt, String status,
        String decidedByName, Instant decidedAt) {

    public static ProposalView of(DetailProposal p, String memberName, String currentValue) {
        return new ProposalView(p.id(), p.memberId(), memberName, p.field(), p.field().plainWords(), currentValue, p.proposedValue(),
                p.reason(), p.proposedByName(), p.agencyName(), p.proposedAt(), p.status().name(), p.decidedByName(), p.decidedAt());
    }
}
