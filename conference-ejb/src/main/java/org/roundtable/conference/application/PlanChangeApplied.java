package org.roundtable.conference.application;

import java.util.UUID;
import org.roundtable.shared.plan.PlanChange;

/**
 * A change to a family's plan has been stored and applied. Fired while the plan is still held,
 * so observers (the live room) see changes in revision order.
 */
public record PlanChangeApplied(UUID familyId, PlanChange change, String authorName) {
}
