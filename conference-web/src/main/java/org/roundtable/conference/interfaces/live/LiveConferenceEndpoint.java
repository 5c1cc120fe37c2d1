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
import org.roundtable.shared.protocol.LiveProtocol;

/**
 * The live conference room: one socket per participant at /live/conferences/{id}, speaking the
 * protocol in docs/protocol.md. This class only connects the socket to {@link LiveRooms}.
 */
@ServerEndpoint(value = "/live/conferences/{conferenceId}", configurator = LiveHandshake.class)
public class LiveConferenceEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveConferenceEndpoint.class.getName());
    /**
     * A message longer than this (in characters) is refused as it arrives: the connection is
     * closed with 1009 and the rest is never read. Between the protocol's limit (32,768) and this,
     * it is read and answered {@code too-large}.
     */
    static final int READ_LIMIT = 3 * LiveProtocol.MAX_FRAME;

    @Inject
    private LiveRooms rooms;

    private LiveConnection connection;
    /** The parts of a message that arrived so far (usually none: a short message comes whole). */
    private final StringBuilder arriving = new StringBuilder();
    private boolean refusing;

    @OnOpen
    public void open(Session session, EndpointConfig config, @PathParam("conferenceId") String conferenceId) {
        session.setMaxTextMessageBufferSize(READ_LIMIT);
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

    /**
     * Messages are taken in parts as they arrive, so that one that grows past {@link #READ_LIMIT}
     * (however it is split into frames) is refused without being held whole in memory.
     */
    @OnMessage
    public void message(Session session, String part, boolean last) {
        if (connection == null || refusing) {
            return;
        }
        if (arriving.length() + part.length() > READ_LIMIT) {
            refusing = true;
            arriving.setLength(0);
            arriving.trimToSize();
            closeQuietly(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                    "Messages are limited to " + LiveProtocol.MAX_FRAME + " characters."));
            return;
        }
        if (last && arriving.length() == 0) {
            rooms.receive(connection, part);
            return;
        }
        arriving.append(part);
        if (last) {
            String frame = arriving.toString();
            arriving.setLength(0);
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
