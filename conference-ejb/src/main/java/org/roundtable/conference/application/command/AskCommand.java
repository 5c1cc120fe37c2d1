package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.record.InformationKind;

/** A worker asks the family to share one kind of information with their agency: why, and for how many days. */
public record AskCommand(
        @NotNull(message = "Say which information you are asking for") InformationKind kind,
        @NotBlank(message = "Say why you need it; the family will read this") @Size(max = 2000, message = "Please keep the reason to 2000 characters or fewer") String reason,
        @NotNull(message = "Say for how long you need it") @Min(value = 1, message = "Ask for at least one day")
        @Max(value = 365, message = "Ask for a year at most") Integer days) {
}
