package org.roundtable.conference.interfaces.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.view.ParticipantView;
import org.roundtable.conference.domain.model.access.Caller;

/** One open socket: whose it is, what they have been sent, and a lock so messages go out whole and in order. */
final class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    final String id = UUID.randomUUID().toString();
    final Session session;
    final String sessionToken;
    final UUID conferenceId;
    final RateLimit rate = new RateLimit();
    volatile Caller caller;
    volatile ParticipantView participant;
    /** The access epoch this connection was last checked at; a newer epoch means check again. */
    volatile long checkedEpoch;
    /** Set once the client said hello and was sent the plan. */
    volatile boolean joined;
    /** Kept out of a private part: sent nothing of the plan or comments until it ends. */
    volatile boolean paused;
    /** The last plan revision this client has (sent by us, or said in its hello). */
    volatile long revision;

    LiveConnection(Session session, String sessionToken, UUID conferenceId) {
        this.session = session;
        this.sessionToken = sessionToken;
        this.conferenceId = conferenceId;
    }

    void send(String message) {
        synchronized (this) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(message);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "could not send to a live connection; closing it", e);
                close(CloseReason.CloseCodes.GOING_AWAY, "Connection lost");
            }
        }
    }

    void close(CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a live connection", e);
        }
    }
}
