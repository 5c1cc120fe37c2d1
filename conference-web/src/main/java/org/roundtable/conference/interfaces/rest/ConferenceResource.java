package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.roundtable.conference.application.ConferenceService;
import org.roundtable.conference.application.InvitationService;
import org.roundtable.conference.application.command.AgendaItemCommand;
import org.roundtable.conference.application.command.ConferenceCommand;
import org.roundtable.conference.application.command.ConferenceUpdateCommand;
import org.roundtable.conference.application.command.InviteeCommand;
import org.roundtable.conference.application.view.ConferenceSummary;
import org.roundtable.conference.application.view.ConferenceView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.Page;

@Path("/conferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConferenceResource {

    @Inject
    private ConferenceService conferences;

    @Inject
    private InvitationService invitations;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    /** The signed-in person's conferences. */
    @GET
    public Page<ConferenceSummary> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        return conferences.mine(context.caller(), Paging.of(page, size));
    }

    @POST
    public Response schedule(@Valid @NotNull(message = "Send the conference's details") ConferenceCommand command) {
        var created = conferences.schedule(context.caller(), command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{conferenceId}")
    public ConferenceView get(@PathParam("conferenceId") UUID conferenceId) {
        return conferences.get(context.caller(), conferenceId);
    }

    @PUT
    @Path("/{conferenceId}")
    public ConferenceView update(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Send the conference's details") ConferenceUpdateCommand command) {
        return conferences.update(context.caller(), conferenceId, command);
    }

    @POST
    @Path("/{conferenceId}/invitees")
    public ConferenceView invite(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Say who to invite") InviteeCommand command) {
        return conferences.invite(context.caller(), conferenceId, command);
    }

    @DELETE
    @Path("/{conferenceId}/invitees/{inviteeId}")
    public ConferenceView uninvite(@PathParam("conferenceId") UUID conferenceId, @PathParam("inviteeId") UUID inviteeId) {
        return conferences.uninvite(context.caller(), conferenceId, inviteeId);
    }

    /** Emails a single-use invitation link to a family member or advocate on the list. */
    @POST
    @Path("/{conferenceId}/invitees/{inviteeId}/invitation")
    public Response sendInvitation(@PathParam("conferenceId") UUID conferenceId, @PathParam("inviteeId") UUID inviteeId) {
        invitations.sendInvitation(context.caller(), conferenceId, inviteeId);
        return Response.accepted().build();
    }

    @POST
    @Path("/{conferenceId}/agenda")
    public ConferenceView addAgendaItem(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Send the agenda item") AgendaItemCommand command) {
        return conferences.addAgendaItem(context.caller(), conferenceId, command);
    }

    @PUT
    @Path("/{conferenceId}/agenda/{itemId}")
    public ConferenceView editAgendaItem(@PathParam("conferenceId") UUID conferenceId, @PathParam("itemId") UUID itemId,
            @Valid @NotNull(message = "Send the agenda item") AgendaItemCommand command) {
        return conferences.editAgendaItem(context.caller(), conferenceId, itemId, command);
    }

    @DELETE
    @Path("/{conferenceId}/agenda/{itemId}")
    public ConferenceView removeAgendaItem(@PathParam("conferenceId") UUID conferenceId, @PathParam("itemId") UUID itemId) {
        return conferences.removeAgendaItem(context.caller(), conferenceId, itemId);
    }
}
