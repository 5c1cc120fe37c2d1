package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.roundtable.shared.record.LawfulBasis;

/** A worker carries an override on past its review date: a new reason, the lawful basis, a new review date. */
public record RenewalCommand(
        @NotNull(message = "Choose the lawful basis") LawfulBasis lawfulBasis,
        @NotBlank(message = "Give a new reason; the family will read it") @Size(max = 2000, message = "Please keep the reason to 2000 characters or fewer") String reason,
        @NotNull(message = "Give a new review date") LocalDate reviewOn) {
}
