package org.roundtable.conference.application.view;

import java.util.UUID;
import org.roundtable.conference.domain.model.agency.StaffMember;

/** A member of staff as colleagues in other agencies may know them: a name to choose, no more. */
public record PractitionerView(UUID id, String fullName) {

    public static PractitionerView of(StaffMember staff) {
        return new PractitionerView(staff.id(), staff.fullName());
    }
}
