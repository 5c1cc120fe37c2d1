package org.roundtable.conference.interfaces.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.access.RoomAccess;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.media.IceServers;
import org.roundtable.shared.protocol.ClientMessage;
import org.roundtable.shared.protocol.ProtocolViolation;

/**
 * Voice and video are peer to peer (WebRTC); the live socket carries their signalling. This
 * relays an offer, answer, ICE candidate or hangup from one connection to one other, and
 * media state to the call, only between two connections in the same room that are both in the
 * call and may talk: neither kept out of a running private part. Who it is from is stamped here,
 * never taken from the client. When a private part starts, the call between those kept out and
 * those present is cut on both sides; when it ends, each side is told of the other again and
 * they reconnect. On a cluster, a peer on another node is reached through that node
 * (RoomSignal over ClusterSignals): this node checks the sender, that node the peer.
 */
@ApplicationScoped
public class SignallingRelay {

    private static final Logger LOG = Logger.getLogger(SignallingRelay.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    private IceServers iceServers;

    @Inject
    private ClusterSignals otherNodes;

    /**
     * The room as the relay sees it now: its connections on this node, who a running private part
     * keeps out, and the room's connections on other nodes of a cluster (from the shared presence).
     */
    record RoomNow(Collection<LiveConnection> connections, Set<UUID> excluded, Map<String, Presence> elsewhere,
            Map<String, CallElsewhere> calls) {

        RoomNow(Collection<LiveConnection> connections, Set<UUID> excluded) {
            this(connections, excluded, Map.of(), new ConcurrentHashMap<>());
        }

        /** Whether a connection on another node is in the call, as its node last told this one. */
        boolean inCallElsewhere(String connectionId) {
            CallElsewhere call = calls.get(connectionId);
            return call != null && call.joined() && elsewhere.containsKey(connectionId);
        }

        boolean excludes(LiveConnection c) {
            return excluded.contains(c.participant.inviteeId());
        }

        boolean excludes(Presence onAnotherNode) {
            return excluded.contains(UUID.fromString(onAnotherNode.inviteeId()));
        }
    }

    /**
     * A connection on another node, in the call or not and sending video or not, as its node last
     * told this one (its {@code media}, broadcast or sent in answer to one joining here): kept per
     * room on each node (LiveRooms), so that this node can answer for that peer as it answers for
     * its own (one not in the call is a {@code conflict}, a room's video senders are counted on
     * every node). Someone kept out of a running private part is not told about, so what is kept
     * for them may be what it was before the part.
     */
    record CallElsewhere(boolean joined, boolean video) {
    }

    /** Straight after the welcome: the ICE servers (with this person's own TURN credential) and the video limit. */
    void welcomed(LiveConnection c) {
        c.send(SignalMessages.config(iceServers.forPerson(c.caller.id())));
    }

    void handle(LiveConnection c, ClientMessage message, RoomNow room) {
        if (message instanceof ClientMessage.Media media) {
            media(c, media, room);
        } else if (message instanceof ClientMessage.Signal signal) {
            signal(c, signal, room);
        }
    }

    private void signal(LiveConnection c, ClientMessage.Signal signal, RoomNow room) {
        LiveConnection peer = room.connections().stream()
                .filter(each -> each != c && each.joined && each.id.equals(signal.to())).findFirst().orElse(null);
        if (peer == null) {
            signalAnotherNode(c, signal, room);
            return;
        }
        if (!inCall(c) || !inCall(peer)) {
            throw new DomainRuleViolation("Only two people who have both joined the call can connect; send media first.");
        }
        RoomAccess.requireMayCall(room.excludes(c) || room.excludes(peer));
        take(c, signal);
        peer.send(SignalMessages.signal(c.id, signal));
    }

    /**
     * The peer is in the room on another node: this node checks what it can (neither is kept out,
     * both are in the call as far as this node has been told, the sender's allowance) and that
     * node again when it delivers (the peer is in the call and still may talk; otherwise it is
     * dropped there, unanswered: the peer left the call a moment ago, say).
     */
    private void signalAnotherNode(LiveConnection c, ClientMessage.Signal signal, RoomNow room) {
        Presence peer = signal.to().equals(c.id) ? null : room.elsewhere().get(signal.to());
        if (peer == null) {
            throw new ProtocolViolation("unknown-peer", "That connection is not in this room.");
        }
        // In the order of the checks on one node: the same refusal for the same case.
        if (!inCall(c) || !room.inCallElsewhere(signal.to())) {
            throw new DomainRuleViolation("Only two people who have both joined the call can connect; send media first.");
        }
        RoomAccess.requireMayCall(room.excludes(c) || room.excludes(peer));
        take(c, signal);
        toOtherNodes(RoomSignal.rtc(c.conferenceId, signal.to(), SignalMessages.signal(c.id, signal)));
    }

    private static void take(LiveConnection c, ClientMessage.Signal signal) {
        if (!c.signals.take(signal.to(), signal.kind() == ClientMessage.SignalKind.CANDIDATE)) {
            throw new ProtocolViolation("rate-limited", signal.kind() == ClientMessage.SignalKind.CANDIDATE
                    ? "More than " + SignalAllowance.CANDIDATES + " ICE candidates to one person in 10 seconds; this one was dropped."
                    : "More than " + SignalAllowance.DESCRIPTIONS + " offers, answers and hangups to one person in 10 seconds; this one was dropped.");
        }
    }

    /** Another node relays signalling (or its media, to one who joined) to a connection here: sent if it is in the call and may talk. */
    void deliverFromAnotherNode(String to, String message, RoomNow room) {
        if (message.startsWith(MEDIA_PREFIX)) {
            try (var reader = JSON.createReader(new StringReader(message))) {
                var media = reader.readObject();
                remember(room, media.getString("from"), media.getBoolean("joined"), media.getBoolean("video"));
            }
        }
        room.connections().stream().filter(each -> each.joined && each.id.equals(to) && inCall(each) && !room.excludes(each))
                .findFirst().ifPresent(peer -> peer.send(message));
    }

    /**
     * Someone on another node changed their sound and picture (or joined the call: joining):
     * sent to those here in the call who may talk with them, as for someone here; on joining,
     * each of those answers with their own, relayed back to them.
     */
    void mediaFromAnotherNode(UUID conferenceId, String from, String message, boolean joining, RoomNow room) {
        boolean joined;
        try (var reader = JSON.createReader(new StringReader(message))) {
            var media = reader.readObject();
            joined = media.getBoolean("joined");
            remember(room, from, joined, media.getBoolean("video"));
        }
        for (LiveConnection peer : room.connections()) {
            if (!peer.joined || room.excludes(peer)) {
                continue;
            }
            if (inCall(peer) || !joined) {
                peer.send(message);
            }
            if (joining && inCall(peer)) {
                toOtherNodes(RoomSignal.rtc(conferenceId, from, SignalMessages.media(peer.id, peer.participant.inviteeId().toString(), peer.media)));
            }
            if (!joined) {
                peer.signals.forget(from);
            }
        }
    }

    /** How SignalMessages.media begins: a relayed message that tells of someone's sound and picture. */
    private static final String MEDIA_PREFIX = "{\"type\":\"media\"";

    /** Keeps what another node told of one of its connections in the call; forgets those no longer in the room. */
    private static void remember(RoomNow room, String connectionId, boolean joined, boolean video) {
        room.calls().put(connectionId, new CallElsewhere(joined, video));
        room.calls().keySet().removeIf(id -> !id.equals(connectionId) && !room.elsewhere().containsKey(id));
    }

    private void toOtherNodes(RoomSignal signal) {
        try {
            otherNodes.send(RoomSignal.TOPIC, signal.text());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not pass signalling to another node for room " + signal.conferenceId(), e);
        }
    }

    /**
     * My sound and picture: kept, and sent to everyone in the call I may talk with. On joining
     * the call I am sent the state of each of them, so both sides know of each other and connect.
     */
    private void media(LiveConnection c, ClientMessage.Media media, RoomNow room) {
        if (media.joined() && media.video() && !hasVideo(c)) {
            long sending = room.connections().stream().filter(each -> each != c && hasVideo(each)).count()
                    + room.calls().entrySet().stream().filter(e -> e.getValue().video() && room.inCallElsewhere(e.getKey())).count();
            if (sending >= IceServers.maxVideoSenders()) {
                throw new DomainRuleViolation(sending + " people are already sending video, the most a room has; join by voice, or turn your camera on later.");
            }
        }
        boolean joining = media.joined() && !inCall(c);
        c.media = media;
        if (room.excludes(c)) {
            return; // kept for when the private part ends; nobody in the call hears of it now
        }
        String message = SignalMessages.media(c.id, c.participant.inviteeId().toString(), media);
        for (LiveConnection peer : room.connections()) {
            if (peer == c || !peer.joined || room.excludes(peer)) {
                continue;
            }
            if (inCall(peer) || !media.joined()) {
                peer.send(message);
            }
            if (joining && inCall(peer)) {
                c.send(SignalMessages.media(peer.id, peer.participant.inviteeId().toString(), peer.media));
            }
            if (!media.joined()) {
                peer.signals.forget(c.id);
            }
        }
        if (!room.elsewhere().isEmpty()) {
            toOtherNodes(RoomSignal.media(c.conferenceId, c.id, message, joining));
        }
    }

    /** A private part started: every call between someone kept out and anyone else is closed, on both sides. */
    void privatePartStarted(RoomNow room) {
        for (LiveConnection out : room.connections()) {
            if (!room.excludes(out) || !inCall(out)) {
                continue;
            }
            for (LiveConnection other : room.connections()) {
                if (other != out && inCall(other)) {
                    out.send(SignalMessages.hangup(other.id, "private-part"));
                    if (!room.excludes(other)) {
                        other.send(SignalMessages.hangup(out.id, "private-part"));
                    }
                }
            }
        }
        // Calls with the room's people on other nodes: whether they are in the call is known only
        // there, so each of ours in the call hangs up with every one of theirs the part divides it
        // from (a hangup for a peer it has no call with is nothing to a client); their node does the same.
        for (LiveConnection here : room.connections()) {
            if (!inCall(here)) {
                continue;
            }
            room.elsewhere().forEach((id, there) -> {
                if (room.excludes(here) || room.excludes(there)) {
                    here.send(SignalMessages.hangup(id, "private-part"));
                }
            });
        }
    }

    /** The private part ended: each pair in the call of which one was kept out is told of each other again, and reconnects. */
    void privatePartEnded(Collection<LiveConnection> wereOut, RoomNow room) {
        var inCall = room.connections().stream().filter(each -> each.joined && inCall(each) && !room.excludes(each)).toList();
        for (int i = 0; i < inCall.size(); i++) {
            for (int j = i + 1; j < inCall.size(); j++) {
                LiveConnection a = inCall.get(i);
                LiveConnection b = inCall.get(j);
                if (wereOut.contains(a) || wereOut.contains(b)) {
                    a.send(SignalMessages.media(b.id, b.participant.inviteeId().toString(), b.media));
                    b.send(SignalMessages.media(a.id, a.participant.inviteeId().toString(), a.media));
                }
            }
        }
        // Those who were out here come back to the call on the other nodes as if they joined it: those
        // in it there are sent their media, and answer with theirs (their node does the same for its own).
        if (!room.elsewhere().isEmpty()) {
            for (LiveConnection back : inCall) {
                if (wereOut.contains(back)) {
                    toOtherNodes(RoomSignal.media(back.conferenceId, back.id,
                            SignalMessages.media(back.id, back.participant.inviteeId().toString(), back.media), true));
                }
            }
        }
    }

    private static boolean inCall(LiveConnection c) {
        var m = c.media;
        return m != null && m.joined();
    }

    private static boolean hasVideo(LiveConnection c) {
        var m = c.media;
        return m != null && m.joined() && m.video();
    }
}
