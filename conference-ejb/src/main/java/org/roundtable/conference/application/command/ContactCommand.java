package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.roundtable.shared.domain.ContactKind;

public record ContactCommand(
        @NotNull(message = "Enter the date of the contact") @PastOrPresent(message = "A contact cannot be recorded before it happens") LocalDate happenedOn,
        @NotNull(message = "Choose the kind of contact") ContactKind kind,
        @NotBlank(message = "Write a short summary") @Size(max = 2000, message = "The summary must be 2000 characters or fewer") String summary) {
}
