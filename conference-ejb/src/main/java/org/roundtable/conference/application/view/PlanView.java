package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/**
 * The family's plan as everyone sees it, with owners named. For an agency the family does not
 * share the plan with, onlyOwnActions is true: only the goals holding the agency's own actions,
 * without their titles and descriptions, and only those actions.
 */
public record PlanView(UUID id, UUID familyId, long revision, List<GoalView> goals, boolean onlyOwnActions) {

    public PlanView(UUID id, UUID familyId, long revision, List<GoalView> goals) {
        this(id, familyId, revision, goals, false);
    }

    /** Only the actions this agency owns, under goals whose words are withheld. */
    public PlanView ownActionsOf(UUID agencyId) {
        var kept = goals.stream().map(g -> new GoalView(g.id(), g.position(), null, null,
                g.actions().stream().filter(a -> a.ownerKind() == OwnerKind.AGENCY && agencyId.equals(a.ownerId())).toList()))
                .filter(g -> !g.actions().isEmpty()).toList();
        return new PlanView(id, familyId, revision, kept, true);
    }

    /** position is the goal's position key: goals sort by it. */
    public record GoalView(UUID id, String position, String title, String description, List<ActionView> actions) {
    }

    /** ownerKind and ownerId are null while nobody owns the action yet. */
    public record ActionView(UUID id, UUID goalId, String position, String description, OwnerKind ownerKind, UUID ownerId,
            String ownerName, LocalDate dueOn, ActionStatus status, boolean overdue) {
    }
}
