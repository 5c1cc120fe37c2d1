package org.roundtable.conference.application;

import java.util.UUID;

/** Changes to this family's plan could not be stored: the plan is read again, and its rooms reconnect and resend. */
public record PlanWriteFailed(UUID familyId) {
}
