package org.roundtable.conference.application.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An answer given from the invitation's page, before signing in: the link's token says who. */
public record TokenReplyCommand(
        @NotBlank(message = "The invitation link is incomplete") @Size(max = 200, message = "The invitation link is not valid") String token,
        @Valid @NotNull(message = "Choose what you want to do") ReplyCommand reply) {
}
