package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record GoalCommand(
        @NotBlank(message = "Say what needs to change") @Size(max = 500, message = "The goal must be 500 characters or fewer") String title,
        @Size(max = 4000, message = "The description must be 4000 characters or fewer") String description) {
}
