package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/** An action's content. A new action is always proposed; status is taken on edits only. */
public record ActionCommand(
        @NotBlank(message = "Say what will be done") @Size(max = 2000, message = "The action must be 2000 characters or fewer") String description,
        @NotNull(message = "Say whether an agency or a family member owns this") OwnerKind ownerKind,
        @NotNull(message = "Choose who owns this action") UUID ownerId,
        LocalDate dueOn,
        ActionStatus status) {
}
