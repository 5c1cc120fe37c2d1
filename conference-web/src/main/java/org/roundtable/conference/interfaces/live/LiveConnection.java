package org.roundtable.conference.interfaces.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.view.ParticipantView;
import org.roundtable.conference.domain.model.access.Caller;

/** One open socket: whose it is, what they have been sent, and its queue of messages going out. */
final class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    final String id = UUID.randomUUID().toString();
    final Session session;
    final String sessionToken;
    final UUID conferenceId;
    final RateLimit rate = new RateLimit();
    /** Signalling this connection may still send to each peer (see SignallingRelay). */
    final SignalAllowance signals = new SignalAllowance();
    /** Its sound and picture as it last said (null: it never joined the call). */
    volatile org.roundtable.shared.protocol.ClientMessage.Media media;
    private static final int MAX_QUEUED = 5000;
    /** At most this many messages, or about this many characters, in one batch frame. */
    private static final int MAX_BATCH = 200;
    private static final int MAX_BATCH_CHARS = 64 * 1024;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private boolean sending;
    volatile Caller caller;
    volatile ParticipantView participant;
    /** The access epoch this connection was last checked at; a newer epoch means check again. */
    volatile long checkedEpoch;
    /** Set once the client said hello and was sent the plan. */
    volatile boolean joined;
    /** Set when the socket closed: a hello under way when it did takes the connection out of its room again. */
    volatile boolean gone;
    /** Kept out of a private part: sent nothing of the plan or comments until it ends. */
    volatile boolean paused;
    /** Said in its hello (1.2): hands, agenda and private part go to it as changes, not the whole room. */
    volatile boolean roomChanges;
    /** The last plan revision this client has (sent by us, or said in its hello). */
    volatile long revision;
    /**
     * The family does not share the plan with this person's agency: they are sent only the
     * agency's own actions (docs/protocol.md, "Part of the plan"). Re-read with their access.
     */
    volatile boolean onlyOwnActions;
    /**
     * What the family shares with its agency changed while it was kept out of a private part: the
     * copy it holds is of the old view, so when the part ends it is sent the plan and comments
     * whole, in the new view, never changes to lay over the old copy.
     */
    volatile boolean viewChangedWhilePaused;
    /** The {@code changeId} of the last change it submitted (a client has one in flight at a time). */
    volatile String lastChangeId;
    /** For such a connection, the part of the plan it holds now, as sent to it (null: none sent yet). */
    volatile org.roundtable.shared.plan.PlanDocument shown;
    /**
     * Held while a message from this client is checked and acted on. Removing someone's access
     * waits for it (see LiveRooms#onAccessChanged), so a message is either handled before the
     * removal returns, or checked against the removal afterwards: never half way.
     */
    final ReentrantLock handling = new ReentrantLock();

    LiveConnection(Session session, String sessionToken, UUID conferenceId) {
        this.session = session;
        this.sessionToken = sessionToken;
        this.conferenceId = conferenceId;
    }

    /**
     * Its change in flight, if the plan at {@code planRevision}, about to be sent to it whole,
     * already holds that change (1.4, {@code sync.applied}): read before {@link #revision} moves
     * on. Null if there is none.
     */
    Map<String, Long> inFlightHeldBy(long planRevision, Function<String, Long> appliedRevision) {
        try {
            return inFlightHeldBy(lastChangeId, revision, planRevision, appliedRevision);
        } catch (RuntimeException e) {
            // An old id may be looked up in the database: if that fails, the rest of the room is still sent its plan.
            // This client's change stays in flight until it reconnects (welcome.applied answers it then).
            LOG.log(Level.WARNING, "Could not tell whether a change in flight is in the plan", e);
            return null;
        }
    }

    /**
     * A change applied at a revision past what the client has is one whose {@code applied} it has
     * not been sent; one at or below it was answered already (or is not its change in flight). One
     * stored after the plan was read ({@code appliedRevision} may ask the database) is not in it,
     * and its {@code applied} still comes.
     */
    static Map<String, Long> inFlightHeldBy(String lastChangeId, long clientRevision, long planRevision,
            Function<String, Long> appliedRevision) {
        if (lastChangeId == null) {
            return null;
        }
        Long at = appliedRevision.apply(lastChangeId);
        return at != null && at > clientRevision && at <= planRevision ? Map.of(lastChangeId, at) : null;
    }

    /**
     * Queues a message. Messages go out one at a time, in the order queued, without ever blocking
     * the caller (who may be holding a plan): a slow reader cannot hold up the room. A reader that
     * falls this far behind is disconnected; its client reconnects and catches up.
     */
    void send(String message) {
        synchronized (outbox) {
            if (!session.isOpen()) {
                return;
            }
            if (outbox.size() >= MAX_QUEUED) {
                outbox.clear();
                close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too far behind; reconnect to catch up.");
                return;
            }
            outbox.addLast(message);
            if (sending) {
                return;
            }
            sending = true;
        }
        sendNext();
    }

    private void sendNext() {
        String next;
        synchronized (outbox) {
            next = outbox.pollFirst();
            if (next == null || !session.isOpen()) {
                sending = false;
                return;
            }
            if (!outbox.isEmpty()) {
                next = batch(next);
            }
        }
        try {
            session.getAsyncRemote().sendText(next, result -> {
                if (result.isOK()) {
                    sendNext();
                } else {
                    LOG.log(Level.FINE, "could not send to a live connection; closing it", result.getException());
                    synchronized (outbox) {
                        outbox.clear();
                        sending = false;
                    }
                    close(CloseReason.CloseCodes.GOING_AWAY, "Connection lost");
                }
            });
        } catch (IllegalStateException e) {
            synchronized (outbox) {
                outbox.clear();
                sending = false;
            }
        }
    }

    /**
     * Messages that queued up while the last frame was on its way go out together as one "batch"
     * frame: in a busy room, far fewer frames for the server to write and the client to read.
     * Each message is already a JSON object, so they are joined as they are. Called holding the outbox.
     */
    private String batch(String first) {
        var frame = new StringBuilder(first.length() * 4).append("{\"type\":\"batch\",\"v\":1,\"messages\":[").append(first);
        int count = 1;
        while (!outbox.isEmpty() && count < MAX_BATCH && frame.length() < MAX_BATCH_CHARS) {
            frame.append(',').append(outbox.pollFirst());
            count++;
        }
        return frame.append("]}").toString();
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
