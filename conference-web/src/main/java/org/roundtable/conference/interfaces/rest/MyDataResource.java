package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import org.roundtable.conference.application.ExportsUnderWay;
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

    @Inject
    private ExportsUnderWay exports;

    @Inject
    private DownloadNames names;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("familyId") UUID familyId) {
        Caller caller = context.caller();
        return Response.ok(myData.json(caller, familyId), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", DownloadNames.attachment(names.json(caller))).build();
    }

    @GET
    @Path("/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("familyId") UUID familyId) {
        Caller caller = context.caller();
        return Response.ok(myData.pdf(caller, familyId), "application/pdf")
                .header("Content-Disposition", DownloadNames.attachment(names.pdf(caller))).build();
    }

    /**
     * Everything held, in one ZIP: built first into a temporary file in one short transaction,
     * then streamed from the file with nothing of the database held, so a slow reader holds no
     * connection. Only a few downloads run at once per family and on the server (each holds a
     * worker thread while its reader reads): beyond that, 429 or 503 with Retry-After.
     */
    @GET
    @Path("/zip")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response zip(@PathParam("familyId") UUID familyId) throws IOException {
        Caller caller = context.caller();
        myData.requireAllowed(caller, familyId);
        ExportsUnderWay.Permit permit = exports.begin(familyId);
        java.nio.file.Path file;
        try {
            file = myData.zip(caller, familyId);
        } catch (IOException | RuntimeException e) {
            permit.close();
            throw e;
        }
        StreamingOutput body = out -> {
            try (permit) {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(body, "application/zip").header("Content-Length", Files.size(file))
                .header("Content-Disposition", DownloadNames.attachment(names.zip(caller))).build();
    }
}
