package org.roundtable.conference.domain.model.plan;

import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.OwnerKind;

/** Who answers for an action: an agency, or a member of the family. */
public record ActionOwner(OwnerKind kind, UUID id) {

    public ActionOwner {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
    }

    public static ActionOwner agency(UUID agencyId) {
        return new ActionOwner(OwnerKind.AGENCY, agencyId);
    }

    public static ActionOwner familyMember(UUID memberId) {
        return new ActionOwner(OwnerKind.FAMILY_MEMBER, memberId);
    }
}
