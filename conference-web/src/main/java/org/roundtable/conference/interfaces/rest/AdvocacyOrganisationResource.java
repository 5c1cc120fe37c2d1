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
import org.roundtable.conference.application.AdvocacyOrganisationService;
import org.roundtable.conference.application.command.AdvocacyOrganisationCommand;
import org.roundtable.conference.application.view.AdvocacyOrganisationView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** The organisations advocates come from: administrators keep them, staff read them. */
@Path("/advocacy-organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdvocacyOrganisationResource {

    @Inject
    private AdvocacyOrganisationService organisations;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    @GET
    public List<AdvocacyOrganisationView> list() {
        return organisations.list(context.caller());
    }

    @POST
    public Response create(@Valid @NotNull(message = "Send the organisation's details") AdvocacyOrganisationCommand command) {
        var created = organisations.create(context.caller(), command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{organisationId}")
    public AdvocacyOrganisationView get(@PathParam("organisationId") UUID organisationId) {
        return organisations.get(context.caller(), organisationId);
    }

    @PUT
    @Path("/{organisationId}")
    public AdvocacyOrganisationView update(@PathParam("organisationId") UUID organisationId,
            @Valid @NotNull(message = "Send the organisation's details") AdvocacyOrganisationCommand command) {
        return organisations.update(context.caller(), organisationId, command);
    }
}
