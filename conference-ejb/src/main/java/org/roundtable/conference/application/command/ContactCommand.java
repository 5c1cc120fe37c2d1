package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.roundtable.shared.domain.ContactKind;

public record ContactCommand(
        // Not @PastOrPresent: that reads the machine's clock and zone; ContactService checks by the service's.
        @NotNull(message = "Enter the date of the contact") LocalDate happenedOn,
        @NotNull(message = "Choose the kind of contact") ContactKind kind,
        @NotBlank(message = "Write a short summary") @Size(max = 2000, message = "The summary must be 2000 characters or fewer") String summary) {
}
