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
import java.util.UUID;
import org.roundtable.conference.application.AgencyService;
import org.roundtable.conference.application.command.StaffUpdateCommand;
import org.roundtable.conference.application.view.StaffView;
import org.roundtable.conference.interfaces.security.CallerContext;

@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    private AgencyService agencies;

    @Inject
    private CallerContext context;

    @GET
    @Path("/{staffId}")
    public StaffView get(@PathParam("staffId") UUID staffId) {
        return agencies.getStaff(context.caller(), staffId);
    }

    /** The old password stops working and the person is emailed a link to choose a new one. */
    @POST
    @Path("/{staffId}/sign-in-reset")
    public StaffView resetSignIn(@PathParam("staffId") UUID staffId) {
        return agencies.resetSignIn(context.caller(), staffId);
    }

    @PUT
    @Path("/{staffId}")
    public StaffView update(@PathParam("staffId") UUID staffId,
            @Valid @NotNull(message = "Send the person's details") StaffUpdateCommand command) {
        return agencies.updateStaff(context.caller(), staffId, command);
    }
}
