package org.roundtable.shared.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an agency sees of a plan the family does not share with it: the actions it owns (all of
 * their fields), and of each goal holding one only where it sits (its id and position, never
 * its words). Removed actions, and actions under removed goals, are not shown: the same rule as
 * the plan's page ({@code PlanView.ownActionsOf}).
 */
public final class OwnActionsView {

    private OwnActionsView() {
    }

    /** The part of the plan the owner (an {@code AGENCY:id} reference) may see, as a plan of its own. */
    public static PlanDocument of(PlanDocument plan, String owner) {
        ActionOwnerRef agency = ActionOwnerRef.parse(owner);
        Set<String> goals = new HashSet<>();
        Set<String> actions = new HashSet<>();
        for (PlanNode goal : plan.goals()) {
            for (PlanNode action : plan.actionsOf(goal.id())) {
                // Compared as owners, not as text: an id may have been written in capitals.
                if (agency.equals(ActionOwnerRef.ofNullable(action.get(PlanField.OWNER)))) {
                    goals.add(goal.id());
                    actions.add(action.id());
                }
            }
        }
        var shown = new ArrayList<PlanNode>();
        for (PlanNode node : plan.nodes()) {
            if (actions.contains(node.id())) {
                shown.add(node);
            } else if (goals.contains(node.id())) {
                var where = new PlanNode(node.id(), PlanNode.Kind.GOAL);
                where.set(PlanField.POSITION, node.get(PlanField.POSITION));
                shown.add(where);
            }
        }
        return PlanDocument.of(shown);
    }

    /**
     * The operations of a change that a viewer holding {@code shown} is sent: those about what it
     * has, but not the words of a goal. Whether they bring it to what it should see next is for
     * the caller to check (when not, it is sent that part of the plan whole).
     */
    public static List<PlanOperation> visibleOperations(List<PlanOperation> ops, PlanDocument shown) {
        var visible = new ArrayList<PlanOperation>();
        for (PlanOperation op : ops) {
            PlanNode node = shown.node(op.nodeId()).orElse(null);
            boolean goalWords = op instanceof PlanOperation.EditText e && node != null && node.kind() == PlanNode.Kind.GOAL;
            if (node != null && !goalWords && !(op instanceof PlanOperation.CreateGoal) && !(op instanceof PlanOperation.CreateAction)) {
                visible.add(op);
            }
        }
        return visible;
    }

    /**
     * Whether a change by a viewer of this part keeps to it: it may write the words, due date,
     * status, place and removal of the actions it sees, nothing else (not who owns them, not
     * which goal they are under, no new goals or actions).
     */
    public static boolean allows(PlanDocument shown, List<PlanOperation> ops) {
        for (PlanOperation op : ops) {
            PlanNode node = shown.node(op.nodeId()).orElse(null);
            if (node == null || node.kind() != PlanNode.Kind.ACTION) {
                return false;
            }
            boolean allowed = op instanceof PlanOperation.EditText e ? e.field() == PlanField.DESCRIPTION
                    : op instanceof PlanOperation.SetField s && (s.field() == PlanField.DUE_ON || s.field() == PlanField.STATUS
                            || s.field() == PlanField.POSITION || s.field() == PlanField.DELETED);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
