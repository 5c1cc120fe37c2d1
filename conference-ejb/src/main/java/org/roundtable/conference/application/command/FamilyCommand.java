package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record FamilyCommand(
        @NotBlank(message = "Enter the family's name") @Size(max = 200, message = "The name must be 200 characters or fewer") String name,
        @Size(max = 60, message = "The reference must be 60 characters or fewer") String reference) {
}
