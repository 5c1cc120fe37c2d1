package org.roundtable.conference.application.access;

import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;

/**
 * One person's access to one family's plan, decided once (see {@link AccessPolicy#toChangeThePlan}
 * and its siblings) and handed along with the request, so that the plan's page, an edit and the
 * view that follows it ask the records once rather than each deciding again.
 */
public final class PlanAccess {

    private final Caller caller;
    private final FamilyToday family;
    private final boolean wholePlan;

    PlanAccess(Caller caller, FamilyToday family, boolean wholePlan) {
        this.caller = caller;
        this.family = family;
        this.wholePlan = wholePlan;
    }

    public Caller caller() {
        return caller;
    }

    public UUID familyId() {
        return family.id();
    }

    /**
     * The family does not share the plan with the caller's agency: it sees, may change and may
     * sign only the actions it owns (an agency always sees what it agreed to do).
     */
    public boolean seesOnlyOwnActions() {
        return !wholePlan;
    }

    FamilyToday family() {
        return family;
    }
}
