package org.roundtable.conference.application;

import java.util.UUID;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;

/**
 * A change to a family's plan has been stored and applied. Fired in revision order, per plan, so
 * observers (the live room) pass changes on in that order. {@code operationsJson} is the change's
 * operations as already written to the log (null when not at hand), so they are encoded once.
 * {@code plan} is the plan as this change left it (never changed afterwards): the live room
 * works out from it what an agency shown only its own actions is sent.
 */
public record PlanChangeApplied(UUID familyId, PlanChange change, String authorName, String operationsJson, PlanDocument plan) {
}
