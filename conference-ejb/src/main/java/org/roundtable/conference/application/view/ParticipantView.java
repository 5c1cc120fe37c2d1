package org.roundtable.conference.application.view;

import java.util.UUID;
import org.roundtable.shared.domain.InviteeRole;

/** Someone taking part in a live conference: which invitee they are, and of which family's conference. */
public record ParticipantView(UUID inviteeId, UUID conferenceId, UUID familyId, String name, InviteeRole role) {

    public boolean isChair() {
        return role == InviteeRole.CHAIR;
    }
}
