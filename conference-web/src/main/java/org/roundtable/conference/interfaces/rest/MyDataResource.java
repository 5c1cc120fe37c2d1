package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.roundtable.conference.application.MyDataService;
import org.roundtable.conference.interfaces.security.CallerContext;

/** A family member downloads everything held about their family. */
@Path("/families/{familyId}/my-data")
public class MyDataResource {

    @Inject
    private MyDataService myData;

    @Inject
    private CallerContext context;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("familyId") UUID familyId) {
        return Response.ok(myData.json(context.caller(), familyId), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"my-family-data.json\"").build();
    }

    @GET
    @Path("/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("familyId") UUID familyId) {
        return Response.ok(myData.pdf(context.caller(), familyId), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"my-family-data.pdf\"").build();
    }
}
