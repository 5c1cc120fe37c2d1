package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.shared.domain.ConferenceKind;

public record ConferenceCommand(
        @NotNull(message = "Choose the family") UUID familyId,
        @NotNull(message = "Choose the kind of conference") ConferenceKind kind,
        @NotNull(message = "Enter when the conference starts") Instant scheduledStart) {
}
