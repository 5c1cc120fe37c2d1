package org.roundtable.conference.application.access;

import org.roundtable.shared.domain.InviteeRole;

/**
 * What a participant may do in the live room, beyond being let in ({@link ConferenceAccess#inviteeInTheRoom}):
 * the chair runs the meeting; someone kept out of a running private part (on either side of a
 * call) is paused until it ends.
 */
public final class RoomAccess {

    private RoomAccess() {
    }

    /** Moving the agenda, lowering hands, starting and ending private parts. */
    public static void requireChair(InviteeRole role) {
        if (role != InviteeRole.CHAIR) {
            throw new AccessDenied("Only the chair can do this.");
        }
    }

    public static void requireMayChangeThePlan(boolean keptOutOfPrivatePart) {
        if (keptOutOfPrivatePart) {
            throw new AccessDenied("A private part is running; you can change the plan again when it ends.");
        }
    }

    public static void requireMayComment(boolean keptOutOfPrivatePart) {
        if (keptOutOfPrivatePart) {
            throw new AccessDenied("A private part is running; you can comment again when it ends.");
        }
    }

    /** A call between two people, when either of them is kept out of the running private part, waits. */
    public static void requireMayCall(boolean eitherKeptOutOfPrivatePart) {
        if (eitherKeptOutOfPrivatePart) {
            throw new AccessDenied("A private part is running: the call is paused between those in it and those kept out.");
        }
    }
}
