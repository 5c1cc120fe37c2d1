package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.roundtable.conference.application.command.AdvocateCommand;
import org.roundtable.conference.application.view.AdvocateView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** The advocates who stand beside a family. */
@Path("/families/{familyId}/advocates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdvocateResource {

    @Inject
    private InvolvementService involvements;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    @GET
    public List<AdvocateView> advocates(@PathParam("familyId") UUID familyId) {
        return involvements.advocates(context.caller(), familyId);
    }

    @POST
    public Response assignAdvocate(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the advocate's details") AdvocateCommand command) {
        var created = involvements.assignAdvocate(context.caller(), familyId, command);
        return Created.at(uri, created.assignmentId(), created);
    }
}
