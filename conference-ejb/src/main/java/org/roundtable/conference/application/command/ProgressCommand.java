package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.domain.ActionStatus;

/** An owner's update on their action after the conference. */
public record ProgressCommand(
        @NotNull(message = "Say where the action stands") ActionStatus status,
        @NotBlank(message = "Say what has happened") @Size(max = 2000, message = "Please keep it to 2000 characters or fewer") String note) {
}
