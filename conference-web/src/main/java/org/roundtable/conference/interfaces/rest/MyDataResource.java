package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.roundtable.conference.application.MyDataService;
import org.roundtable.conference.domain.model.access.Caller;
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

    /** Everything held, in one ZIP, streamed: large reports are never held in memory all at once. */
    @GET
    @Path("/zip")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response zip(@PathParam("familyId") UUID familyId) {
        Caller caller = context.caller();
        myData.requireAllowed(caller, familyId);
        StreamingOutput body = out -> myData.zip(caller, familyId, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"everything-we-hold-about-your-family.zip\"").build();
    }
}
