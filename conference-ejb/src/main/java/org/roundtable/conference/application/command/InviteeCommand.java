package org.roundtable.conference.application.command;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.roundtable.shared.domain.InviteeRole;

/** Invite exactly one person: a member of staff, a family member or an advocate. */
public record InviteeCommand(
        @NotNull(message = "Choose the person's role") InviteeRole role,
        UUID staffMemberId,
        UUID familyMemberId,
        UUID advocateId) {

    @AssertTrue(message = "Choose exactly one person to invite")
    public boolean isExactlyOnePerson() {
        return Stream.of(staffMemberId, familyMemberId, advocateId).filter(Objects::nonNull).count() == 1;
    }
}
