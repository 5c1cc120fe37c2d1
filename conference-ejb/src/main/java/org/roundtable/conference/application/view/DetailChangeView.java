package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.DetailChange;
import org.roundtable.shared.record.DetailField;

public record DetailChangeView(UUID id, UUID memberId, DetailField field, String fieldName, String oldValue, String newValue,
        String changedByName, boolean fromSuggestion, Instant changedAt) {

    public static DetailChangeView of(DetailChange c) {
        return new DetailChangeView(c.id(), c.memberId(), c.field(), c.field().plainWords(), c.oldValue(), c.newValue(),
                c.changedByName(), c.proposalId() != null, c.changedAt());
    }
}
