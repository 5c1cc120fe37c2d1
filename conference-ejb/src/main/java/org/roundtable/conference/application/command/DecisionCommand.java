package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;

/** The family accepts or declines a suggested correction. */
public record DecisionCommand(@NotNull(message = "Say whether you accept the change") Boolean accept) {
}
