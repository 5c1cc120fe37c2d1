package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.ConferenceStatus;

public record ConferenceSummary(UUID id, UUID familyId, String familyName, ConferenceKind kind, Instant scheduledStart,
        String chairName, ConferenceStatus status) {

    public static ConferenceSummary of(Conference c) {
        return new ConferenceSummary(c.id(), c.family().id(), c.family().name(), c.kind(), c.scheduledStart(),
                c.chair().fullName(), c.status());
    }
}
