package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.Family;

public record FamilySummary(UUID id, String name, String reference, LocalDate strategyDiscussionOn) {

    public static FamilySummary of(Family family) {
        return new FamilySummary(family.id(), family.name(), family.reference(), family.strategyDiscussionOn());
    }
}
