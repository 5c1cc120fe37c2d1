package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;

/**
 * What each person may do to the plan, operation by operation, whether the change comes from
 * the live room or the REST API. Everyone who can see the plan may propose; an agency's
 * commitment (an action it owns that is no longer just proposed) is changed only by staff.
 * Owners must be agencies working with the family or members of it.
 */
@ApplicationScoped
public class PlanEditPolicy {

    @Inject
    private FamilyService families;

    @Inject
    private Clock clock;

    /**
     * Checks a change against the plan it applies to; throws and changes nothing when one
     * operation is not allowed. The plan (a copy the check may change) is only asked for when
     * the caller is not staff, so staff edits cost no copy.
     */
    public void check(Caller caller, UUID familyId, Supplier<PlanDocument> planCopy, List<PlanOperation> ops) {
        PlanDocument scratch = caller.isStaff() ? null : planCopy.get();
        for (PlanOperation op : ops) {
            if (op instanceof PlanOperation.SetField set && set.field() == PlanField.OWNER && set.value() != null) {
                requireValidOwner(familyId, ActionOwnerRef.parse(set.value()));
            }
            if (scratch != null) {
                requireFamilyMayChange(scratch, op);
                scratch.apply(op);
            }
        }
    }

    private void requireFamilyMayChange(PlanDocument plan, PlanOperation op) {
        PlanNode node = plan.node(op.nodeId()).orElse(null);
        if (node == null || node.kind() != PlanNode.Kind.ACTION) {
            return;
        }
        boolean agencyOwned = isAgencyOwned(node.get(PlanField.OWNER));
        boolean proposed = ActionStatus.PROPOSED.name().equals(node.get(PlanField.STATUS));
        if (agencyOwned && !proposed) {
            throw new AccessDenied("This action is an agency's commitment; only its staff can change it.");
        }
        if (op instanceof PlanOperation.SetField set) {
            if (set.field() == PlanField.STATUS && agencyOwned && !ActionStatus.PROPOSED.name().equals(set.value())) {
                throw new AccessDenied("Only the agency's staff can agree to an action for the agency.");
            }
            if (set.field() == PlanField.OWNER && isAgencyOwned(set.value()) && !proposed) {
                throw new AccessDenied("An action can only be handed to an agency as a proposal.");
            }
        }
    }

    private void requireValidOwner(UUID familyId, ActionOwnerRef owner) {
        boolean valid = owner.kind() == OwnerKind.FAMILY_MEMBER
                ? families.membersOf(familyId).stream().anyMatch(m -> m.id().equals(owner.id()))
                : families.involvements(familyId).stream()
                        .anyMatch(i -> i.agency().id().equals(owner.id()) && i.isActiveOn(LocalDate.now(clock)));
        if (!valid) {
            throw new InvalidInput("ownerId", owner.kind() == OwnerKind.FAMILY_MEMBER
                    ? "That person is not a member of this family."
                    : "An action can only be owned by an agency working with this family.");
        }
    }

    private static boolean isAgencyOwned(String owner) {
        return owner != null && owner.startsWith(OwnerKind.AGENCY.name() + ":");
    }
}
