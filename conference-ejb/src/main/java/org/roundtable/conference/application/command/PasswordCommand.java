package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Setting one's own password from a single-use link. */
public record PasswordCommand(
        @NotBlank(message = "The link is incomplete. Open it again from your email") @Size(max = 100, message = "The link is not valid") String token,
        @NotBlank(message = "Enter a password") @Size(min = 12, max = 200, message = "Your password must be at least 12 characters long") String password) {
}
