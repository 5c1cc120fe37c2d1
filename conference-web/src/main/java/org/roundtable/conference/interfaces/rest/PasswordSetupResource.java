package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.roundtable.conference.application.PasswordSetupService;
import org.roundtable.conference.application.command.PasswordCommand;
import org.roundtable.conference.application.view.PasswordSetupView;

/**
 * Staff choose their own password from the single-use link they were emailed (or, for the
 * first administrator, given by the add-administrator command). The token travels in the body,
 * not the address, so it stays out of access logs.
 */
@Path("/auth/password-setup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordSetupResource {

    public record LinkRequest(@NotBlank(message = "The link is incomplete. Open it again from your email") @Size(max = 100, message = "The link is not valid") String token) {
    }

    @Inject
    private PasswordSetupService passwordSetup;

    /** Whose link this is, so the page can greet them; 409 when it is used up or expired. */
    @POST
    @Path("/check")
    public PasswordSetupView check(@Valid @NotNull(message = "Send the link's token") LinkRequest body) {
        return passwordSetup.describe(body.token());
    }

    @POST
    public PasswordSetupView setPassword(@Valid @NotNull(message = "Send the token and the password") PasswordCommand command) {
        return passwordSetup.setPassword(command.token(), command.password());
    }
}
