package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.SetField;

class CommitmentHashTest {

    private final PlanDocument doc = new PlanDocument();
    private final String goal = UUID.randomUUID().toString();
    private final String action = UUID.randomUUID().toString();

    CommitmentHashTest() {
        doc.apply(new CreateGoal(goal, "V", "Ryan goes to school"));
        doc.apply(new CreateAction(action, goal, "V", "Call home by 9:30"));
        doc.apply(new SetField(action, PlanField.OWNER, "AGENCY:" + UUID.randomUUID()));
        doc.apply(new SetField(action, PlanField.DUE_ON, "2026-12-01"));
    }

    private String hash() {
        return CommitmentHash.of(doc.node(action).orElseThrow());
    }

    @Test
    void changing_the_words_the_owner_or_the_date_changes_what_was_signed() {
        String signed = hash();
        doc.apply(new SetField(action, PlanField.DUE_ON, "2026-12-02"));
        assertNotEquals(signed, hash());
        String redated = hash();
        doc.apply(new SetField(action, PlanField.OWNER, "FAMILY_MEMBER:" + UUID.randomUUID()));
        assertNotEquals(redated, hash());
    }

    @Test
    void progress_on_an_action_does_not_change_what_was_signed() {
        String signed = hash();
        doc.apply(new SetField(action, PlanField.STATUS, "IN_PROGRESS"));
        assertEquals(signed, hash());
    }

    @Test
    void only_actions_are_signed() {
        assertThrows(IllegalArgumentException.class, () -> CommitmentHash.of(doc.node(goal).orElseThrow()));
    }
}
