package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Signing off one action: the hash of the version the signer read, so a stale version is never signed. */
public record SignOffCommand(
        @NotNull(message = "Say which action you are signing off") UUID actionId,
        @NotBlank(message = "Send the contentHash of the version you read") @Size(max = 64, message = "The contentHash is 64 characters") String contentHash) {
}
