package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Size;

/** What the family wants every worker to know, in its own words. */
public record AboutCommand(@Size(max = 2000, message = "Please keep it to 2000 characters or fewer") String messageToWorkers) {
}
