package org.roundtable.conference.domain.model.access;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.StaffRole;

/**
 * Who is making a request, as established from their session against current data. Staff carry
 * their agency and roles; a family member carries their family. What each may see and do is
 * decided in one package, {@code application.access}, never here.
 */
public record Caller(CallerKind kind, UUID id, String displayName, UUID agencyId, UUID familyId, Set<StaffRole> roles) {

    public Caller {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        roles = Set.copyOf(roles);
    }

    public static Caller staff(UUID staffId, String name, UUID agencyId, Set<StaffRole> roles) {
        return new Caller(CallerKind.STAFF, staffId, name, agencyId, null, roles);
    }

    public static Caller familyMember(UUID memberId, String name, UUID familyId) {
        return new Caller(CallerKind.FAMILY_MEMBER, memberId, name, null, familyId, Set.of());
    }

    public static Caller advocate(UUID advocateId, String name) {
        return new Caller(CallerKind.ADVOCATE, advocateId, name, null, null, Set.of());
    }

    public boolean isStaff() {
        return kind == CallerKind.STAFF;
    }

    public boolean isAdministrator() {
        return isStaff() && roles.contains(StaffRole.ADMINISTRATOR);
    }

    public boolean isChair() {
        return isStaff() && roles.contains(StaffRole.CHAIR);
    }
}
