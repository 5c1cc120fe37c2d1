package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/** The family's plan as everyone sees it, with owners named. */
public record PlanView(UUID id, UUID familyId, long revision, List<GoalView> goals) {

    /** position is the goal's position key: goals sort by it. */
    public record GoalView(UUID id, String position, String title, String description, List<ActionView> actions) {
    }

    /** ownerKind and ownerId are null while nobody owns the action yet. */
    public record ActionView(UUID id, UUID goalId, String position, String description, OwnerKind ownerKind, UUID ownerId,
            String ownerName, LocalDate dueOn, ActionStatus status, boolean overdue) {
    }
}
