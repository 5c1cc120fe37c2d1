package org.roundtable.conference.application.view;

import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.shared.domain.StaffRole;

public record StaffView(UUID id, UUID agencyId, String agencyName, String fullName, String email, String phone,
        String username, Set<StaffRole> roles, boolean active) {

    public static StaffView of(StaffMember staff) {
        return new StaffView(staff.id(), staff.agency().id(), staff.agency().name(), staff.fullName(), staff.email(),
                staff.phone(), staff.username(), staff.roles(), staff.isActive());
    }
}
