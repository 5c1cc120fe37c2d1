package org.roundtable.shared.plan;

import java.util.UUID;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.PlanRejection.Reason;

/** The OWNER field's value: "AGENCY:uuid" or "FAMILY_MEMBER:uuid". */
public record ActionOwnerRef(OwnerKind kind, UUID id) {

    public static ActionOwnerRef parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        try {
            if (colon < 0) {
                throw new IllegalArgumentException();
            }
            return new ActionOwnerRef(OwnerKind.valueOf(value.substring(0, colon)), UUID.fromString(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new PlanRejection(Reason.INVALID_VALUE, "An owner is written AGENCY:id or FAMILY_MEMBER:id.");
        }
    }

    public static ActionOwnerRef ofNullable(String value) {
        return value == null ? null : parse(value);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
