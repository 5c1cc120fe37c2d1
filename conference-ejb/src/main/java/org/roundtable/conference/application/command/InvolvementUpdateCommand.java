package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

public record InvolvementUpdateCommand(
        @NotNull(message = "Choose the lead practitioner") UUID leadPractitionerId,
        @NotNull(message = "Enter the date the involvement starts") LocalDate startsOn,
        LocalDate endsOn) {
}
