package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.InvitationStatus;

/**
 * What the page behind an invitation link shows. state says what happened to the link: VALID
 * (the meeting's details follow), USED, EXPIRED, CANCELLED (with the reason) or NOT_VALID; only
 * a valid link shows the meeting. whomToCall: the lead worker and the chair, with phone and email.
 */
public record InvitationPageView(State state, String message, UUID conferenceId, String inviteeName, String title,
        String familyName, Instant scheduledStart, String when, List<String> whereAndHow, String joinLink, String purpose,
        List<String> whoWillBeThere, String contact, InvitationStatus invitation, String cancelReason,
        List<StaffContactView> whomToCall) {

    public enum State { VALID, USED, EXPIRED, CANCELLED, NOT_VALID }

    public static InvitationPageView only(State state, String message) {
        return new InvitationPageView(state, message, null, null, null, null, null, null, List.of(), null, null, List.of(),
                null, null, null, List.of());
    }
}
