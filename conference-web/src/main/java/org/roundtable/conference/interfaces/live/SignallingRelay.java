package org.roundtable.conference.interfaces.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.application.access.RoomAccess;
import org.roundtable.conference.domain.model.DomainRuleViolation;
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
 * they reconnect.
 */
@ApplicationScoped
public class SignallingRelay {

    @Inject
    private IceServers iceServers;

    /** The room as the relay sees it now: its connections and who a running private part keeps out. */
    record RoomNow(Collection<LiveConnection> connections, Set<UUID> excluded) {

        boolean excludes(LiveConnection c) {
            return excluded.contains(c.participant.inviteeId());
        }
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
                .filter(each -> each != c && each.joined && each.id.equals(signal.to())).findFirst()
                .orElseThrow(() -> new ProtocolViolation("unknown-peer", "That connection is not in this room."));
        if (!inCall(c) || !inCall(peer)) {
            throw new DomainRuleViolation("Only two people who have both joined the call can connect; send media first.");
        }
        RoomAccess.requireMayCall(room.excludes(c) || room.excludes(peer));
        if (!c.signals.take(peer.id, signal.kind() == ClientMessage.SignalKind.CANDIDATE)) {
            throw new ProtocolViolation("rate-limited", signal.kind() == ClientMessage.SignalKind.CANDIDATE
                    ? "More than " + SignalAllowance.CANDIDATES + " ICE candidates to one person in 10 seconds; this one was dropped."
                    : "More than " + SignalAllowance.DESCRIPTIONS + " offers, answers and hangups to one person in 10 seconds; this one was dropped.");
        }
        peer.send(SignalMessages.signal(c.id, signal));
    }

    /**
     * My sound and picture: kept, and sent to everyone in the call I may talk with. On joining
     * the call I am sent the state of each of them, so both sides know of each other and connect.
     */
    private void media(LiveConnection c, ClientMessage.Media media, RoomNow room) {
        if (media.joined() && media.video() && !hasVideo(c)) {
            long sending = room.connections().stream().filter(each -> each != c && hasVideo(each)).count();
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
