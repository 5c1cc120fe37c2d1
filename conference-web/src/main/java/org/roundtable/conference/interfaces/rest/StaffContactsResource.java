package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.StaffContactsService;
import org.roundtable.conference.application.view.StaffContactView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** Whom a family can call: its lead worker and its conferences' chair, with agency, phone and email. */
@Path("/families/{familyId}/staff-contacts")
@Produces(MediaType.APPLICATION_JSON)
public class StaffContactsResource {

    @Inject
    private StaffContactsService contacts;

    @Inject
    private CallerContext context;

    @GET
    public List<StaffContactView> list(@PathParam("familyId") UUID familyId) {
        return contacts.forFamily(context.caller(), familyId);
    }
}
