package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.roundtable.conference.application.ReportService;
import org.roundtable.conference.application.view.ReportsView;
import org.roundtable.conference.interfaces.security.CallerContext;

/**
 * Agencies' reports for a conference. An upload is the PDF itself as the request body
 * (Content-Type application/pdf), with its file name in ?fileName=.
 */
@Path("/conferences/{conferenceId}/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    private ReportService reports;

    @Inject
    private CallerContext context;

    @GET
    public ReportsView list(@PathParam("conferenceId") UUID conferenceId) {
        return reports.list(context.caller(), conferenceId);
    }

    @POST
    @Consumes("application/pdf")
    public Response upload(@PathParam("conferenceId") UUID conferenceId, @QueryParam("fileName") String fileName, byte[] content) {
        return Response.status(Response.Status.CREATED).entity(reports.upload(context.caller(), conferenceId, fileName, content)).build();
    }

    @POST
    @Path("/{reportId}/share")
    public ReportsView.Report share(@PathParam("conferenceId") UUID conferenceId, @PathParam("reportId") UUID reportId) {
        return reports.share(context.caller(), conferenceId, reportId);
    }

    /** The PDF, as a download that the browser never renders in the page. */
    @GET
    @Path("/{reportId}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("conferenceId") UUID conferenceId, @PathParam("reportId") UUID reportId) {
        var download = reports.download(context.caller(), conferenceId, reportId);
        return Response.ok(download.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox").build();
    }
}
