package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AgendaItemCommand(
        @NotBlank(message = "Enter the agenda item's title") @Size(max = 300, message = "The title must be 300 characters or fewer") String title,
        @Size(max = 2000, message = "The notes must be 2000 characters or fewer") String notes) {
}
