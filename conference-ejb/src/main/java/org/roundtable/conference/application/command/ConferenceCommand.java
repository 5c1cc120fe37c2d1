package org.roundtable.conference.application.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ConferenceKind;

/**
 * Scheduling a conference, as the chair's question pages gather it: the kind, the date and time,
 * where and how (all optional free text), who is invited and the agenda in order. Everything is
 * checked together and saved together, or nothing is.
 */
public record ConferenceCommand(
        @NotNull(message = "Choose the family") UUID familyId,
        @NotNull(message = "Choose the kind of conference") ConferenceKind kind,
        @NotNull(message = "Enter when the conference starts") Instant scheduledStart,
        @Size(max = 500, message = "The address must be 500 characters or fewer") String venue,
        @Size(max = 500, message = "The meeting link must be 500 characters or fewer") String joinLink,
        @Size(max = 300, message = "The dial-in details must be 300 characters or fewer") String dialIn,
        @Valid @Size(max = 60, message = "Invite 60 people or fewer") List<@NotNull(message = "An invitee is empty") InviteeCommand> invitees,
        @Size(max = 40, message = "Keep the agenda to 40 items or fewer") List<@Size(max = 300, message = "Each agenda item must be 300 characters or fewer") String> agenda) {

    public List<InviteeCommand> inviteesOrEmpty() {
        return invitees == null ? List.of() : invitees;
    }

    public List<String> agendaOrEmpty() {
        return agenda == null ? List.of() : agenda;
    }
}
