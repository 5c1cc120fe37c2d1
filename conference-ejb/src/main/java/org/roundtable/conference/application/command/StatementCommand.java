package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.roundtable.shared.domain.Stance;

/**
 * The family's view of the plan, or a professional's dissent, in the author's own words. An
 * advocate may write the views for a named family member (forMemberId); a family member changes
 * views written for them by recording their own with replaces (the earlier one is withdrawn).
 */
public record StatementCommand(
        @NotNull(message = "Say whether you agree, disagree or dissent") Stance stance,
        @Size(max = 4000, message = "Please keep it to 4000 characters or fewer") String words,
        UUID forMemberId,
        UUID replaces) {
}
