package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.roundtable.conference.application.InvitationReplyService;
import org.roundtable.conference.application.command.InvitationTokenCommand;
import org.roundtable.conference.application.command.TokenReplyCommand;
import org.roundtable.conference.application.view.InvitationPageView;

/**
 * The page behind an invitation link, before anyone signs in: the token (sent in the body, so it
 * stays out of logs) says which invitation. Reading it and answering never use the link up.
 */
@Path("/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    @Inject
    private InvitationReplyService replies;

    /** What the meeting is (for a valid link), or what happened to the link. */
    @POST
    @Path("/page")
    public InvitationPageView page(@Valid @NotNull(message = "The invitation link is incomplete") InvitationTokenCommand command) {
        return replies.page(command.token());
    }

    @POST
    @Path("/reply")
    public Response reply(@Valid @NotNull(message = "Choose what you want to do") TokenReplyCommand command) {
        replies.replyWithLink(command.token(), command.reply());
        return Response.noContent().build();
    }
}
