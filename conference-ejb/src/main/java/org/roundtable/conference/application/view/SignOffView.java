package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.domain.SignOffState;

/** Each action of the plan in one conference's sign-off: who owns it, whether it is signed, and whether the caller may sign it. */
public record SignOffView(UUID conferenceId, ConferenceStatus conferenceStatus, long planRevision, List<ActionSignOff> actions) {

    public record ActionSignOff(UUID actionId, String goalTitle, String description, OwnerKind ownerKind, UUID ownerId,
            String ownerName, LocalDate dueOn, ActionStatus status, String contentHash, SignOffState state, String signedBy, Instant signedAt,
            Instant voidedAt, String voidReason, boolean canSign) {
    }
}
