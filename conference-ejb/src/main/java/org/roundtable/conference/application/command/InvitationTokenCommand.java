package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from an invitation link, sent in a body so it stays out of server logs. */
public record InvitationTokenCommand(
        @NotBlank(message = "The invitation link is incomplete") @Size(max = 200, message = "The invitation link is not valid") String token) {
}
