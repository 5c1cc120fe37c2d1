package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many days before an action is due its owner is reminded (0: only once it is overdue). */
public record ReminderSettingsCommand(
        @NotNull(message = "Send daysAhead") @Min(value = 0, message = "daysAhead must be between 0 and 30")
        @Max(value = 30, message = "daysAhead must be between 0 and 30") Integer daysAhead) {
}
