package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.roundtable.conference.application.AccessLogService;
import org.roundtable.conference.application.view.AccessLogDaysView;
import org.roundtable.conference.application.view.AccessLogView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.Page;

/** Who looked at the family's record. */
@Path("/families/{familyId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    @Inject
    private AccessLogService accessLog;

    @Inject
    private CallerContext context;

    @GET
    public Page<AccessLogView> log(@PathParam("familyId") UUID familyId, @QueryParam("page") String page, @QueryParam("size") String size) {
        return accessLog.log(context.caller(), familyId, Paging.of(page, size));
    }

    /** The readable log: overrides first, then one line per worker per day. */
    @GET
    @Path("/days")
    public AccessLogDaysView days(@PathParam("familyId") UUID familyId, @QueryParam("page") String page, @QueryParam("size") String size) {
        return accessLog.days(context.caller(), familyId, Paging.of(page, size));
    }
}
