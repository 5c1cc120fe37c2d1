package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.domain.Stance;

/** The family's view of the plan, or a professional's dissent, in the author's own words. */
public record StatementCommand(
        @NotNull(message = "Say whether you agree, disagree or dissent") Stance stance,
        @Size(max = 4000, message = "Please keep it to 4000 characters or fewer") String words) {
}
