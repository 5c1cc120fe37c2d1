package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Calling a conference off: the reason goes to everyone invited. */
public record CancelCommand(
        @NotBlank(message = "Say why the conference is cancelled") @Size(max = 500, message = "The reason must be 500 characters or fewer") String reason) {
}
