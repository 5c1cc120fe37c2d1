package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.record.DetailField;

/** A correction staff suggest to one of a family member's details, with why. */
public record ProposalCommand(
        @NotNull(message = "Say which detail to correct") DetailField field,
        @Size(max = 2000, message = "The value must be 2000 characters or fewer") String value,
        @NotBlank(message = "Say why you suggest this correction") @Size(max = 1000, message = "Please keep the reason to 1000 characters or fewer") String reason) {
}
