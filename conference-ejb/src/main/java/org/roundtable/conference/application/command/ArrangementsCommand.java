package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.roundtable.shared.domain.ConferenceKind;

/** Rescheduling: the kind, the date and time, and where and how. Everyone invited is told. */
public record ArrangementsCommand(
        @NotNull(message = "Choose the kind of conference") ConferenceKind kind,
        @NotNull(message = "Enter when the conference starts") Instant scheduledStart,
        @Size(max = 500, message = "The address must be 500 characters or fewer") String venue,
        @Size(max = 500, message = "The meeting link must be 500 characters or fewer") String joinLink,
        @Size(max = 300, message = "The dial-in details must be 300 characters or fewer") String dialIn) {
}
