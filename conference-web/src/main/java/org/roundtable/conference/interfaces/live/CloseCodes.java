package org.roundtable.conference.interfaces.live;

import jakarta.websocket.CloseReason;

/** The close codes of the live protocol (4000-4999 are the application's; see docs/protocol.md). */
final class CloseCodes {

    static final CloseReason.CloseCode SIGNED_OUT = CloseReason.CloseCodes.getCloseCode(4401);
    static final CloseReason.CloseCode NO_ACCESS = CloseReason.CloseCodes.getCloseCode(4403);
    static final CloseReason.CloseCode CONFERENCE_CLOSED = CloseReason.CloseCodes.getCloseCode(4410);
    static final CloseReason.CloseCode UNSUPPORTED_VERSION = CloseReason.CloseCodes.getCloseCode(4426);
    static final CloseReason.CloseCode FLOOD = CloseReason.CloseCodes.VIOLATED_POLICY;
    /** Changes could not be stored just now: reconnect and send again what was not acknowledged. */
    static final CloseReason.CloseCode TRY_AGAIN = CloseReason.CloseCodes.TRY_AGAIN_LATER;

    private CloseCodes() {
    }
}
