package org.roundtable.conference.application.access;

import java.util.UUID;

/**
 * For tests outside this package: the access rules over records held in memory, with a family
 * and the people the test names (as {@link People} does for the tests here).
 */
public final class InMemoryAccess {

    private final InMemoryAccessRecords records = new InMemoryAccessRecords();
    private final People.MovableClock clock = new People.MovableClock(People.TODAY);
    private final AccessPolicy policy = new AccessPolicy(records, new SharingRules(records, clock), clock);

    public AccessPolicy policy() {
        return policy;
    }

    /** The agency has worked with the family for six months, and still does. */
    public InMemoryAccess agencyWorksWith(UUID agencyId, UUID familyId) {
        records.involve(agencyId, familyId, People.TODAY.minusMonths(6), null);
        return this;
    }

    /** A private part of one of the family's conferences is running, and keeps this person out. */
    public InMemoryAccess keptOutOfPlan(UUID personId, UUID familyId) {
        records.keepOutOfPlan(personId, familyId);
        return this;
    }
}
