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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.FamilyDetailsService;
import org.roundtable.conference.application.command.AboutCommand;
import org.roundtable.conference.application.command.DecisionCommand;
import org.roundtable.conference.application.command.ProposalCommand;
import org.roundtable.conference.application.view.DetailChangeView;
import org.roundtable.conference.application.view.ProposalView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** "Tell us once": what the family wants workers to know, the history of its details, and corrections staff suggest. */
@Path("/families/{familyId}/details")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FamilyDetailsResource {

    @Inject
    private FamilyDetailsService details;

    @Inject
    private CallerContext context;

    @PUT
    @Path("/about")
    public Map<String, String> about(@PathParam("familyId") UUID familyId, @Valid @NotNull(message = "Send what you want workers to know") AboutCommand command) {
        String saved = details.updateAbout(context.caller(), familyId, command);
        return saved == null ? Map.of() : Map.of("messageToWorkers", saved);
    }

    @GET
    @Path("/history")
    public List<DetailChangeView> history(@PathParam("familyId") UUID familyId) {
        return details.history(context.caller(), familyId);
    }

    @GET
    @Path("/proposals")
    public List<ProposalView> proposals(@PathParam("familyId") UUID familyId) {
        return details.proposals(context.caller(), familyId);
    }

    /** Staff suggest a correction to a member's details. */
    @POST
    @Path("/members/{memberId}/proposals")
    public Response propose(@PathParam("familyId") UUID familyId, @PathParam("memberId") UUID memberId,
            @Valid @NotNull(message = "Send the correction") ProposalCommand command) {
        return Response.status(Response.Status.CREATED).entity(details.propose(context.caller(), familyId, memberId, command)).build();
    }

    /** The family accepts or declines a suggested correction. */
    @POST
    @Path("/proposals/{proposalId}/decision")
    public ProposalView decide(@PathParam("familyId") UUID familyId, @PathParam("proposalId") UUID proposalId,
            @Valid @NotNull(message = "Say whether you accept the change") DecisionCommand command) {
        return details.decide(context.caller(), familyId, proposalId, command);
    }
}
