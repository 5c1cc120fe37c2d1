package org.roundtable.conference.application.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.OwnActionsView;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;

/**
 * What each person may do to the plan, operation by operation, whether the change comes from
 * the live room or the REST API. Everyone who can see the plan may propose; an agency's
 * commitment (an action it owns that is no longer just proposed) is changed only by staff, and
 * who owns it and how far it has got only by that agency's staff or a chair of the family's
 * conferences (agreeing to a proposal for an agency is the same promise). Owners must be
 * agencies working with the family or members of it.
 */
@ApplicationScoped
public class PlanEditPolicy {

    /**
     * Checks a change against the plan it applies to; throws and changes nothing when one
     * operation is not allowed. The plan (a copy the check may change) is only asked for when
     * the caller is not staff or the change sets an owner or a status, so most staff edits
     * (typing) cost no copy. Who works with the family is read once, with the access decision.
     * An owner who cannot own the family's actions is bad input, not a refusal: invalidOwner
     * makes the error that says so.
     */
    public void check(PlanAccess access, Supplier<PlanDocument> planCopy, List<PlanOperation> ops,
            Function<String, RuntimeException> invalidOwner) {
        Caller caller = access.caller();
        boolean setsOwnerOrStatus = ops.stream().anyMatch(PlanEditPolicy::setsOwnerOrStatus);
        PlanDocument scratch = caller.isStaff() && !setsOwnerOrStatus ? null : planCopy.get();
        for (PlanOperation op : ops) {
            if (op instanceof PlanOperation.SetField set && set.field() == PlanField.OWNER && set.value() != null) {
                requireValidOwner(access.family(), ActionOwnerRef.parse(set.value()), invalidOwner);
            }
            if (scratch != null) {
                if (caller.isStaff()) {
                    requireStaffMayChange(caller, access.family(), scratch, op);
                } else {
                    requireFamilyMayChange(scratch, op);
                }
                scratch.apply(op);
            }
        }
    }

    /**
     * An agency the family does not share the plan with changes only the actions it owns (their
     * words, due date, progress, place and removal), never who owns them, nor anything else.
     */
    public void requireOnlyOwnActions(PlanAccess access, PlanDocument plan, List<PlanOperation> ops) {
        if (!access.seesOnlyOwnActions()) {
            return;
        }
        Caller caller = access.caller();
        String owner = new ActionOwnerRef(OwnerKind.AGENCY, caller.agencyId()).toString();
        if (!OwnActionsView.allows(OwnActionsView.of(plan, owner), ops)) {
            throw new AccessDenied("The family has not shared the whole plan with your agency. "
                    + "You can change your agency's actions: what will be done, by when and how far it has got.");
        }
    }

    private static boolean setsOwnerOrStatus(PlanOperation op) {
        return op instanceof PlanOperation.SetField set && (set.field() == PlanField.OWNER || set.field() == PlanField.STATUS);
    }

    /** Another agency's commitment keeps its owner and its status unless that agency or the chair changes them. */
    private void requireStaffMayChange(Caller caller, FamilyToday family, PlanDocument plan, PlanOperation op) {
        if (!setsOwnerOrStatus(op)) {
            return;
        }
        var set = (PlanOperation.SetField) op;
        PlanNode node = plan.node(op.nodeId()).orElse(null);
        if (node == null || node.kind() != PlanNode.Kind.ACTION || Objects.equals(node.get(set.field()), set.value())) {
            return;
        }
        String owner = node.get(PlanField.OWNER);
        boolean proposed = ActionStatus.PROPOSED.name().equals(node.get(PlanField.STATUS));
        boolean agreesToProposal = proposed && set.field() == PlanField.STATUS && !ActionStatus.PROPOSED.name().equals(set.value());
        if (!isAgencyOwned(owner) || (proposed && !agreesToProposal)) {
            return;
        }
        boolean ownAgency = owner.equals(new ActionOwnerRef(OwnerKind.AGENCY, caller.agencyId()).toString());
        if (!ownAgency && !(caller.isChair() && family.chairedBy(caller.id()))) {
            throw new AccessDenied(proposed
                    ? "Only the agency an action is proposed for, or the chair, can agree to it."
                    : "This action is another agency's commitment: only that agency or the chair can change who owns it or how far it has got.");
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

    private void requireValidOwner(FamilyToday family, ActionOwnerRef owner, Function<String, RuntimeException> invalidOwner) {
        boolean valid = owner.kind() == OwnerKind.FAMILY_MEMBER ? family.hasMember(owner.id()) : family.worksWith(owner.id());
        if (!valid) {
            throw invalidOwner.apply(owner.kind() == OwnerKind.FAMILY_MEMBER
                    ? "That person is not a member of this family."
                    : "An action can only be owned by an agency working with this family.");
        }
    }

    private static boolean isAgencyOwned(String owner) {
        return owner != null && owner.startsWith(OwnerKind.AGENCY.name() + ":");
    }
}
