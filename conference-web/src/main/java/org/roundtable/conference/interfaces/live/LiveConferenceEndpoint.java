package org.roundtable.conference.interfaces.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live conference room: one socket per participant at /live/conferences/{id}, speaking the
 * protocol in docs/protocol.md. This class only connects the socket to {@link LiveRooms}.
 */
@ServerEndpoint(value = "/live/conferences/{conferenceId}", configurator = LiveHandshake.class)
public class LiveConferenceEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveConferenceEndpoint.class.getName());
    /** The container refuses frames above this; frames above the protocol's own limit get an error instead. */
    private static final int CONTAINER_FRAME_LIMIT = 256 * 1024;

    @Inject
    private LiveRooms rooms;

    private LiveConnection connection;

    @OnOpen
    public void open(Session session, EndpointConfig config, @PathParam("conferenceId") String conferenceId) {
        session.setMaxTextMessageBufferSize(CONTAINER_FRAME_LIMIT);
        UUID id;
        try {
            id = UUID.fromString(conferenceId);
        } catch (IllegalArgumentException e) {
            closeQuietly(session, new CloseReason(CloseCodes.NO_ACCESS, "There is no such conference."));
            return;
        }
        connection = new LiveConnection(session, (String) config.getUserProperties().get(LiveHandshake.SESSION_TOKEN), id);
        rooms.open(connection);
    }

    @OnMessage(maxMessageSize = CONTAINER_FRAME_LIMIT)
    public void message(String frame) {
        if (connection != null) {
            rooms.receive(connection, frame);
        }
    }

    @OnClose
    public void close() {
        if (connection != null) {
            rooms.closed(connection);
        }
    }

    @OnError
    public void error(Throwable failure) {
        LOG.log(Level.FINE, "live connection error", failure);
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing", e);
        }
    }
}
