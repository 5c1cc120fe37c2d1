package org.roundtable.conference.application.view;

import java.util.UUID;
import org.roundtable.conference.domain.model.family.Family;

public record FamilySummary(UUID id, String name, String reference) {

    public static FamilySummary of(Family family) {
        return new FamilySummary(family.id(), family.name(), family.reference());
    }
}
