package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.SharingConsequences;
import org.roundtable.conference.interfaces.security.CallerContext;

/** For the chair: which invited agencies cannot see something of the family, so the meeting is not surprised. */
@Path("/conferences/{conferenceId}/sharing")
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceSharingResource {

    @Inject
    private SharingConsequences consequences;

    @Inject
    private CallerContext context;

    @GET
    public List<SharingConsequences.Warning> warnings(@PathParam("conferenceId") UUID conferenceId) {
        return consequences.warnings(context.caller(), conferenceId);
    }
}
