package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.Contact;
import org.roundtable.shared.domain.ContactKind;

public record ContactView(UUID id, UUID familyId, UUID agencyId, String agencyName, String recordedByName,
        LocalDate happenedOn, ContactKind kind, String summary) {

    public static ContactView of(Contact c) {
        return new ContactView(c.id(), c.family().id(), c.agency().id(), c.agency().name(), c.recordedBy().fullName(),
                c.happenedOn(), c.kind(), c.summary());
    }
}
