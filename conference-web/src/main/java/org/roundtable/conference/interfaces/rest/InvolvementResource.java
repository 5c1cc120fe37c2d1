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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.InvolvementService;
import org.roundtable.conference.application.command.InvolvementCommand;
import org.roundtable.conference.application.command.InvolvementUpdateCommand;
import org.roundtable.conference.application.view.InvolvementView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** Which agencies work with a family, from when to when, with which lead practitioner. */
@Path("/families/{familyId}/involvements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvolvementResource {

    @Inject
    private InvolvementService involvements;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    @GET
    public List<InvolvementView> list(@PathParam("familyId") UUID familyId) {
        return involvements.list(context.caller(), familyId);
    }

    @POST
    public Response add(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the involvement's details") InvolvementCommand command) {
        var created = involvements.add(context.caller(), familyId, command);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{involvementId}")
    public InvolvementView update(@PathParam("familyId") UUID familyId, @PathParam("involvementId") UUID involvementId,
            @Valid @NotNull(message = "Send the involvement's details") InvolvementUpdateCommand command) {
        return involvements.update(context.caller(), familyId, involvementId, command);
    }
}
