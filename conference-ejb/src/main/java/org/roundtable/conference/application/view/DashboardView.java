package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.followup.StatutoryTimescales;

/**
 * The chair's follow-up across their families: every action with its owner and due date,
 * overdue first; counts by status and by owner; and conferences due or overdue under the
 * statutory timescales.
 */
public record DashboardView(LocalDate today, List<ActionLine> actions, List<StatusCount> byStatus, List<OwnerCount> byOwner,
        List<ConferenceDueView> conferences) {

    public record ActionLine(UUID familyId, String familyName, UUID actionId, String goalTitle, String description,
            OwnerKind ownerKind, UUID ownerId, String ownerName, LocalDate dueOn, ActionStatus status, boolean overdue) {
    }

    public record StatusCount(ActionStatus status, long actions) {
    }

    public record OwnerCount(String ownerName, long open, long overdue) {
    }

    public record ConferenceDueView(UUID familyId, String familyName, ConferenceKind kind, LocalDate dueBy, String basis,
            StatutoryTimescales.State state, boolean breach, UUID conferenceId, LocalDate bookedOn, LocalDate proposedOn) {

        public static ConferenceDueView of(UUID familyId, String familyName, StatutoryTimescales.ConferenceDue due) {
            return new ConferenceDueView(familyId, familyName, due.kind(), due.dueBy(), due.basis(), due.state(),
                    due.state().isBreach(), due.conferenceId(), due.bookedOn(), due.proposedOn());
        }
    }
}
