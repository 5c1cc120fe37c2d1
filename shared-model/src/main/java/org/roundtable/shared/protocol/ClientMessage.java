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
}
