package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/** The family's plan as everyone sees it, with owners named. */
public record PlanView(UUID id, UUID familyId, long revision, List<GoalView> goals) {

    public record GoalView(UUID id, int position, String title, String description, List<ActionView> actions) {
    }

    public record ActionView(UUID id, UUID goalId, int position, String description, OwnerKind ownerKind, UUID ownerId,
            String ownerName, LocalDate dueOn, ActionStatus status, boolean overdue) {
    }
}
