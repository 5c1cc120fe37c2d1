package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.roundtable.conference.application.SharingService;
import org.roundtable.conference.application.command.OverrideCommand;
import org.roundtable.conference.application.command.PreferenceCommand;
import org.roundtable.conference.application.command.RestrictionCommand;
import org.roundtable.conference.application.view.SharingView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** The family's sharing preferences, professionals' overrides and the ledger. */
@Path("/families/{familyId}/sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SharingResource {

    @Inject
    private SharingService sharing;

    @Inject
    private CallerContext context;

    @GET
    public SharingView view(@PathParam("familyId") UUID familyId) {
        return sharing.view(context.caller(), familyId);
    }

    @PUT
    @Path("/preferences")
    public SharingView setPreference(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the preference") PreferenceCommand command) {
        return sharing.setPreference(context.caller(), familyId, command);
    }

    @POST
    @Path("/overrides")
    public Response override(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the lawful basis and your reason") OverrideCommand command) {
        return Response.status(Response.Status.CREATED).entity(sharing.override(context.caller(), familyId, command)).build();
    }

    @PUT
    @Path("/decisions/{decisionId}/restriction")
    public SharingView restrict(@PathParam("familyId") UUID familyId, @PathParam("decisionId") UUID decisionId,
            @Valid @NotNull(message = "Send the reason and the review date") RestrictionCommand command) {
        return sharing.restrict(context.caller(), familyId, decisionId, command);
    }
}
