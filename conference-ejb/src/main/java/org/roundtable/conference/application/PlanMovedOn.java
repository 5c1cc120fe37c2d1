package org.roundtable.conference.application;

import java.util.UUID;

/**
 * The family's plan moved on without this node's copy following change by change (the copy was
 * not held, or a change from the owner node went missing): whoever is shown the plan here is
 * behind, and should be sent what they missed from the plan as read again.
 */
public record PlanMovedOn(UUID familyId) {
}
