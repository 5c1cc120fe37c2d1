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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.AgencyService;
import org.roundtable.conference.application.command.AgencyCommand;
import org.roundtable.conference.application.command.NewStaffCommand;
import org.roundtable.conference.application.view.AgencyView;
import org.roundtable.conference.application.view.PractitionerView;
import org.roundtable.conference.application.view.StaffView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.Page;

@Path("/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    @Inject
    private AgencyService agencies;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    @GET
    public Page<AgencyView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return agencies.list(context.caller(), Paging.of(page, size));
    }

    @POST
    public Response create(@Valid @NotNull(message = "Send the agency's details") AgencyCommand command) {
        var created = agencies.create(context.caller(), command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{agencyId}")
    public AgencyView get(@PathParam("agencyId") UUID agencyId) {
        return agencies.get(context.caller(), agencyId);
    }

    @PUT
    @Path("/{agencyId}")
    public AgencyView update(@PathParam("agencyId") UUID agencyId,
            @Valid @NotNull(message = "Send the agency's details") AgencyCommand command) {
        return agencies.update(context.caller(), agencyId, command);
    }

    @GET
    @Path("/{agencyId}/staff")
    public Page<StaffView> staff(@PathParam("agencyId") UUID agencyId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return agencies.staffOf(context.caller(), agencyId, Paging.of(page, size));
    }

    @POST
    @Path("/{agencyId}/staff")
    public Response addStaff(@PathParam("agencyId") UUID agencyId,
            @Valid @NotNull(message = "Send the person's details") NewStaffCommand command) {
        var created = agencies.addStaff(context.caller(), agencyId, command);
        return Response.created(uri.getBaseUriBuilder().path("staff").path(created.id().toString()).build())
                .entity(created).build();
    }

    /** Active staff by name, for choosing a lead practitioner; any member of staff may ask. */
    @GET
    @Path("/{agencyId}/practitioners")
    public List<PractitionerView> practitioners(@PathParam("agencyId") UUID agencyId) {
        return agencies.practitioners(context.caller(), agencyId);
    }
}
