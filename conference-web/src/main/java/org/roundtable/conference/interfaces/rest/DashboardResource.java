package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.roundtable.conference.application.FollowUpService;
import org.roundtable.conference.application.InvalidInput;
import org.roundtable.conference.application.view.DashboardView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.ActionStatus;

/** The chair's follow-up dashboard. */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    private FollowUpService followUp;

    @Inject
    private CallerContext context;

    @GET
    public DashboardView dashboard(@QueryParam("status") String status, @QueryParam("owner") String owner) {
        return followUp.dashboard(context.caller(), status(status), owner);
    }

    private static ActionStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ActionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "status must be one of PROPOSED, AGREED, IN_PROGRESS, DONE, NOT_DONE, DROPPED.");
        }
    }
}
