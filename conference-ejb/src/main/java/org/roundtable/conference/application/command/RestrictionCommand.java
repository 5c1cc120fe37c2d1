package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The chair withholds a ledger entry from the family for now: why, and when to look again. */
public record RestrictionCommand(
        @NotBlank(message = "Say why telling the family now would put someone at risk") @Size(max = 2000, message = "Please keep the reason to 2000 characters or fewer") String reason,
        @NotNull(message = "Give a review date") @Future(message = "The review date must be in the future") LocalDate reviewOn) {
}
