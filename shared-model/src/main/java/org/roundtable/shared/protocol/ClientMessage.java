package org.roundtable.shared.protocol;

import java.util.List;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;

/** What a participant's client may send on the live connection. See docs/protocol.md. */
public sealed interface ClientMessage {

    /**
     * First message: the protocol version, the plan revision the client already has (if any), and
     * the ids of its changes not yet acknowledged (1.1): the welcome says which of them were applied;
     * and whether it takes changes to the room (hands, agenda, private part) as changes (1.2)
     * rather than the whole room each time.
     */
    record Hello(int version, Long revision, List<String> pending, boolean roomChanges) implements ClientMessage {
        public Hello(int version, Long revision) {
            this(version, revision, List.of());
        }

        public Hello(int version, Long revision, List<String> pending) {
            this(version, revision, pending, false);
        }
    }

    /** A batch of plan operations made against baseRevision; changeId makes a resend harmless. */
    record Submit(String changeId, long baseRevision, List<PlanOperation> operations) implements ClientMessage {
    }

    /** Where the participant is typing now; null field means nowhere. */
    record Presence(String nodeId, PlanField field) implements ClientMessage {
    }

    record RaiseHand() implements ClientMessage {
    }

    record LowerHand() implements ClientMessage {
    }

    /** A comment on a goal or action. */
    record Comment(String nodeId, String text) implements ClientMessage {
    }

    /** Chair only: the agenda moves to this item. */
    record MoveAgenda(String itemId) implements ClientMessage {
    }

    /** Chair only: takes a participant's hand down. */
    record ClearHand(String participantId) implements ClientMessage {
    }

    /**
     * Chair only: a private part begins; the named invitees see only that it is running. The
     * reason is kept for the professionals present; familyText (null: the default wording) is
     * all the family is ever told about it.
     */
    record StartPrivate(List<String> excludedInviteeIds, String reason, String familyText) implements ClientMessage {
    }

    /** Chair only: the private part ends. */
    record EndPrivate() implements ClientMessage {
    }

    record Ping() implements ClientMessage {
    }

    /**
     * WebRTC signalling for one other connection in the room ({@code to} is its connectionId):
     * an offer or answer carries its SDP, a candidate its ICE candidate (null: no more
     * candidates), a hangup nothing. The server adds who it is from; see docs/protocol.md.
     */
    record Signal(SignalKind kind, String to, String sdp, IceCandidate candidate) implements ClientMessage {
    }

    /** The kinds of signalling message, by their protocol type. */
    enum SignalKind {
        OFFER("rtc.offer"), ANSWER("rtc.answer"), CANDIDATE("rtc.candidate"), HANGUP("rtc.hangup");

        private final String type;

        SignalKind(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    /** An ICE candidate as the browser's RTCIceCandidate gives it (sdpMid, index and fragment may be absent). */
    record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
    }

    /**
     * Someone's sound and picture: in the call or not, microphone on, camera on, joined by voice
     * only, and (optional) whether they are speaking now.
     */
    record Media(boolean joined, boolean audio, boolean video, boolean voiceOnly, Boolean speaking) implements ClientMessage {
    }
}
