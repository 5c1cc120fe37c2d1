package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SignInCommand(
        @NotBlank(message = "Enter your username") @Size(max = 100, message = "Enter your username") String username,
        @NotBlank(message = "Enter your password") @Size(max = 200, message = "Enter your password") String password) {
}
