package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.roundtable.conference.application.LiveRoomService;
import org.roundtable.conference.infrastructure.media.IceServers;
import org.roundtable.conference.infrastructure.media.IceServers.IceConfig;
import org.roundtable.conference.interfaces.security.CallerContext;

/**
 * Fresh ICE servers for the live room's voice and video (the same as the room's rtc.config
 * message), for a browser whose TURN credential is about to expire. Only for someone who may be
 * in that conference's room now.
 */
@Path("/live/conferences/{conferenceId}/ice-servers")
@Produces(MediaType.APPLICATION_JSON)
public class LiveMediaResource {

    @Inject
    private LiveRoomService rooms;

    @Inject
    private IceServers iceServers;

    @Inject
    private CallerContext context;

    @GET
    public IceConfig iceServers(@PathParam("conferenceId") UUID conferenceId) {
        var caller = context.caller();
        rooms.requireParticipant(caller, conferenceId);
        return iceServers.forPerson(caller.id());
    }
}
