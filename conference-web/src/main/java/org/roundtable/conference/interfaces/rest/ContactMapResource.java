package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.roundtable.conference.application.ContactMapService;
import org.roundtable.conference.application.InvalidInput;
import org.roundtable.conference.application.view.ContactMapView;
import org.roundtable.conference.interfaces.security.CallerContext;

/** The contact map: a timeline of agencies' contacts with the family, and its chart as SVG. */
@Path("/families/{familyId}/contact-map")
@Produces(MediaType.APPLICATION_JSON)
public class ContactMapResource {

    @Inject
    private ContactMapService map;

    @Inject
    private CallerContext context;

    @GET
    public ContactMapView map(@PathParam("familyId") UUID familyId, @QueryParam("months") String months) {
        return map.map(context.caller(), familyId, months(months));
    }

    @GET
    @Path("/chart.svg")
    @Produces({"image/svg+xml", MediaType.APPLICATION_JSON})
    public Response chart(@PathParam("familyId") UUID familyId, @QueryParam("months") String months) {
        return Response.ok(map.map(context.caller(), familyId, months(months)).chartSvg(), "image/svg+xml").build();
    }

    private static int months(String months) {
        if (months == null || months.isBlank()) {
            return 12;
        }
        try {
            int n = Integer.parseInt(months.strip());
            if (n >= 1 && n <= 36) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw new InvalidInput("months", "Show between 1 and 36 months.");
    }
}
