package org.roundtable.conference.application.access;

import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;

/**
 * What only an action's owner does: sign it off and post its progress. An agency's action is its
 * staff's, a family member's is theirs alone (not their advocate's, not another member's).
 */
public final class OwnActions {

    private OwnActions() {
    }

    public static boolean owns(Caller caller, ActionOwnerRef owner) {
        if (caller == null || owner == null) {
            return false;
        }
        return owner.kind() == OwnerKind.AGENCY
                ? caller.isStaff() && owner.id().equals(caller.agencyId())
                : owner.kind() == OwnerKind.FAMILY_MEMBER && !caller.isStaff() && owner.id().equals(caller.id());
    }

    public static void requireMaySignOff(Caller caller, ActionOwnerRef owner) {
        if (!owns(caller, owner)) {
            throw new AccessDenied("Only the owner of this action can sign it off.");
        }
    }

    public static void requireMayPostProgress(Caller caller, ActionOwnerRef owner) {
        if (!owns(caller, owner)) {
            throw new AccessDenied("Only the owner of this action can post progress on it.");
        }
    }
}
