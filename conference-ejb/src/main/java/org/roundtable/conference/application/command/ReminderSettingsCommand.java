package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many days before an action is due its owner is reminded (0: only once it is overdue). */
public record ReminderSettingsCommand(
        @NotNull(message = "Enter a number of days from 0 to 30") @Min(value = 0, message = "Enter a number of days from 0 to 30")
        @Max(value = 30, message = "Enter a number of days from 0 to 30") Integer daysAhead) {
}
