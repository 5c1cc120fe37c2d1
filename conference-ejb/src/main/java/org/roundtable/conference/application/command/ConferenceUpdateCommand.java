package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.ConferenceStatus;

/** Reschedule, or move the conference on (scheduled, then live, then closed). */
public record ConferenceUpdateCommand(
        @NotNull(message = "Choose the kind of conference") ConferenceKind kind,
        @NotNull(message = "Enter when the conference starts") Instant scheduledStart,
        @NotNull(message = "Give the conference's status") ConferenceStatus status) {
}
