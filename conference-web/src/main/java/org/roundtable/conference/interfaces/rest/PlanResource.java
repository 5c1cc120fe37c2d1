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
import java.util.UUID;
import org.roundtable.conference.application.ActionPlanService;
import org.roundtable.conference.application.ProgressService;
import org.roundtable.conference.application.command.ActionCommand;
import org.roundtable.conference.application.command.GoalCommand;
import org.roundtable.conference.application.command.ProgressCommand;
import org.roundtable.conference.application.view.PlanView;
import org.roundtable.conference.application.view.ProgressView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** The family's plan. Each change answers with the whole plan at its new revision. */
@Path("/families/{familyId}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    private ActionPlanService plans;

    @Inject
    private ProgressService progress;

    @Inject
    private CallerContext context;

    @GET
    public PlanView get(@PathParam("familyId") UUID familyId) {
        return plans.get(context.caller(), familyId);
    }

    @POST
    @Path("/goals")
    public PlanView addGoal(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the goal") GoalCommand command) {
        return plans.addGoal(context.caller(), familyId, command);
    }

    @PUT
    @Path("/goals/{goalId}")
    public PlanView editGoal(@PathParam("familyId") UUID familyId, @PathParam("goalId") UUID goalId,
            @Valid @NotNull(message = "Send the goal") GoalCommand command) {
        return plans.editGoal(context.caller(), familyId, goalId, command);
    }

    @POST
    @Path("/goals/{goalId}/actions")
    public PlanView addAction(@PathParam("familyId") UUID familyId, @PathParam("goalId") UUID goalId,
            @Valid @NotNull(message = "Send the action") ActionCommand command) {
        return plans.addAction(context.caller(), familyId, goalId, command);
    }

    @PUT
    @Path("/actions/{actionId}")
    public PlanView editAction(@PathParam("familyId") UUID familyId, @PathParam("actionId") UUID actionId,
            @Valid @NotNull(message = "Send the action") ActionCommand command) {
        return plans.editAction(context.caller(), familyId, actionId, command);
    }

    @GET
    @Path("/actions/{actionId}/progress")
    public List<ProgressView> progress(@PathParam("familyId") UUID familyId, @PathParam("actionId") UUID actionId) {
        return progress.list(context.caller(), familyId, actionId);
    }

    /** The owner reports on their action after the conference. */
    @POST
    @Path("/actions/{actionId}/progress")
    public Response postProgress(@PathParam("familyId") UUID familyId, @PathParam("actionId") UUID actionId,
            @Valid @NotNull(message = "Send the update") ProgressCommand command) {
        return Response.status(Response.Status.CREATED).entity(progress.post(context.caller(), familyId, actionId, command)).build();
    }
}
