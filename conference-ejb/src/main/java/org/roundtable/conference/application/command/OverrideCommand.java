package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.LawfulBasis;

/**
 * A professional shares against the family's preference: on a lawful basis, for a reason the
 * family will read, until a review date (after today) on which it lapses unless renewed.
 */
public record OverrideCommand(
        @NotNull(message = "Say which information you need") InformationKind kind,
        @NotNull(message = "Choose the lawful basis") LawfulBasis lawfulBasis,
        @NotBlank(message = "Give your reason; the family will read it") @Size(max = 2000, message = "Please keep the reason to 2000 characters or fewer") String reason,
        @NotNull(message = "Give a review date: the override ends on that day unless you renew it") LocalDate reviewOn) {
}
