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
import java.util.UUID;
import org.roundtable.conference.application.ContactService;
import org.roundtable.conference.application.command.ContactCommand;
import org.roundtable.conference.application.view.ContactView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.Page;

@Path("/families/{familyId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    private ContactService contacts;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    @GET
    public Page<ContactView> list(@PathParam("familyId") UUID familyId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return contacts.list(context.caller(), familyId, Paging.of(page, size));
    }

    @POST
    public Response record(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the contact's details") ContactCommand command) {
        var created = contacts.record(context.caller(), familyId, command);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{contactId}")
    public ContactView correct(@PathParam("familyId") UUID familyId, @PathParam("contactId") UUID contactId,
            @Valid @NotNull(message = "Send the contact's details") ContactCommand command) {
        return contacts.correct(context.caller(), familyId, contactId, command);
    }
}
