package org.roundtable.conference.application;

import java.util.function.BooleanSupplier;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;

/** Stand-ins the tests of the plan across nodes share: the smallest plan worth changing, and a node that owns it or not. */
final class PlanStandIns {

    private PlanStandIns() {
    }

    /** A plan with one goal and one action under it. */
    static PlanDocument oneGoalOneAction(String goalId, String goalTitle, String actionId, String actionWords) {
        var document = new PlanDocument();
        document.apply(new CreateGoal(goalId, FractionalIndex.between(null, null), goalTitle));
        document.apply(new CreateAction(actionId, goalId, FractionalIndex.between(null, null), actionWords));
        return document;
    }

    /** This node, which owns every family's plan while {@code ownsHere} says so, and sends nothing to other nodes. */
    static PlansAcrossNodes nodeOwningWhile(BooleanSupplier ownsHere) {
        return new PlansAcrossNodes() {
            @Override
            boolean ownsHere(java.util.UUID family) {
                return ownsHere.getAsBoolean();
            }

            @Override
            void stored(java.util.UUID family, org.roundtable.shared.plan.PlanChange change, String authorName, String operations,
                    String hash, java.util.Set<String> voided) {
                // One node: no one else to tell.
            }
        };
    }
}
