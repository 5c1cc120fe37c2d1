package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;
import org.roundtable.shared.plan.PlanRejection.Reason;

class PlanDocumentTest {

    private final PlanDocument doc = new PlanDocument();
    private final String goal = UUID.randomUUID().toString();

    @Test
    void goals_and_actions_are_listed_in_position_order_without_the_removed_ones() {
        String second = UUID.randomUUID().toString();
        doc.apply(new CreateGoal(goal, "V", "First"));
        doc.apply(new CreateGoal(second, FractionalIndex.between(null, "V"), "Before first"));
        assertEquals(second, doc.goals().get(0).id());
        doc.apply(new SetField(second, PlanField.DELETED, "true"));
        assertEquals(1, doc.goals().size());
    }

    @Test
    void operations_on_unknown_ids_are_refused_and_change_nothing() {
        var before = doc.copy();
        var e = assertThrows(PlanRejection.class, () -> doc.apply(new SetField(UUID.randomUUID().toString(), PlanField.STATUS, "DONE")));
        assertEquals(Reason.UNKNOWN_ID, e.reason());
        assertEquals(before, doc);
    }

    @Test
    void values_are_checked() {
        doc.apply(new CreateGoal(goal, "V", ""));
        String action = UUID.randomUUID().toString();
        doc.apply(new CreateAction(action, goal, "V", ""));
        assertEquals(Reason.INVALID_VALUE, assertThrows(PlanRejection.class, () -> doc.apply(new SetField(action, PlanField.STATUS, "MAYBE"))).reason());
        assertEquals(Reason.INVALID_VALUE, assertThrows(PlanRejection.class, () -> doc.apply(new SetField(action, PlanField.DUE_ON, "soon"))).reason());
        assertEquals(Reason.INVALID_VALUE, assertThrows(PlanRejection.class, () -> doc.apply(new SetField(action, PlanField.OWNER, "someone"))).reason());
        assertEquals(Reason.WRONG_FIELD, assertThrows(PlanRejection.class, () -> doc.apply(new SetField(goal, PlanField.STATUS, "DONE"))).reason());
        assertEquals(Reason.ALREADY_EXISTS, assertThrows(PlanRejection.class, () -> doc.apply(new CreateGoal(goal, "V", ""))).reason());
        assertEquals(Reason.TEXT_MISMATCH, assertThrows(PlanRejection.class,
                () -> doc.apply(new EditText(goal, PlanField.TITLE, TextOperation.insertAt(5, 0, "x")))).reason());
    }

    @Test
    void a_new_action_is_proposed() {
        doc.apply(new CreateGoal(goal, "V", ""));
        String action = UUID.randomUUID().toString();
        doc.apply(new CreateAction(action, goal, "V", "Call school"));
        assertEquals("PROPOSED", doc.node(action).orElseThrow().get(PlanField.STATUS));
    }

    @Test
    void there_is_always_room_between_two_positions() {
        String a = FractionalIndex.between(null, null);
        String b = FractionalIndex.between(a, null);
        for (int i = 0; i < 200; i++) {
            String mid = FractionalIndex.between(a, b);
            assertTrue(a.compareTo(mid) < 0 && mid.compareTo(b) < 0, a + " < " + mid + " < " + b);
            assertTrue(FractionalIndex.isValid(mid));
            if (i % 2 == 0) {
                a = mid;
            } else {
                b = mid;
            }
        }
    }
}
