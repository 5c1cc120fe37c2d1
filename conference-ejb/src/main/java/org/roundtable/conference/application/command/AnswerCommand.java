package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;

/** The family's answer to a worker's request: share (yes) or not (no). */
public record AnswerCommand(@NotNull(message = "Choose yes or no") Boolean share) {
}
