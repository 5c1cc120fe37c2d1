package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.Involvement;
import org.roundtable.shared.domain.AgencyKind;

public record InvolvementView(UUID id, UUID familyId, UUID agencyId, String agencyName, AgencyKind agencyKind,
        UUID leadPractitionerId, String leadPractitionerName, LocalDate startsOn, LocalDate endsOn, boolean active) {

    public static InvolvementView of(Involvement i, LocalDate today) {
        return new InvolvementView(i.id(), i.family().id(), i.agency().id(), i.agency().name(), i.agency().kind(),
                i.leadPractitioner().id(), i.leadPractitioner().fullName(), i.period().startsOn(), i.period().endsOn(),
                i.isActiveOn(today));
    }
}
