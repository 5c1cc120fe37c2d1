package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;

class OwnActionsViewTest {

    private static final String SCHOOL = "AGENCY:" + UUID.randomUUID();
    private static final String HEALTH = "AGENCY:" + UUID.randomUUID();

    private final PlanDocument plan = new PlanDocument();
    private final String goal = id();
    private final String otherGoal = id();
    private final String schoolAction = id();
    private final String healthAction = id();
    private final String hiddenGoalsAction = id();

    private static String id() {
        return UUID.randomUUID().toString();
    }

    OwnActionsViewTest() {
        plan.apply(new CreateGoal(goal, "V", "Ryan goes to school every day"));
        plan.apply(new EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(0, 0, "He missed 18 days")));
        plan.apply(new CreateGoal(otherGoal, "W", "A warm home"));
        plan.apply(new CreateAction(schoolAction, goal, "V", "Call home by 9:30"));
        plan.apply(new SetField(schoolAction, PlanField.OWNER, SCHOOL));
        plan.apply(new CreateAction(healthAction, goal, "W", "Walk Ryan to school"));
        plan.apply(new SetField(healthAction, PlanField.OWNER, HEALTH));
        plan.apply(new CreateAction(hiddenGoalsAction, otherGoal, "V", "Fix the boiler"));
        plan.apply(new SetField(hiddenGoalsAction, PlanField.OWNER, HEALTH));
    }

    @Test
    void an_agency_not_shared_the_plan_sees_its_own_actions_and_where_their_goal_sits_but_not_its_words() {
        PlanDocument shown = OwnActionsView.of(plan, SCHOOL);
        assertEquals(plan.node(schoolAction), shown.node(schoolAction), "its own action whole");
        PlanNode where = shown.node(goal).orElseThrow();
        assertEquals("V", where.get(PlanField.POSITION));
        assertEquals("", where.get(PlanField.TITLE), "the goal's words are not shown");
        assertEquals("", where.get(PlanField.DESCRIPTION));
        assertEquals(2, shown.nodes().size(), "nothing else: " + shown);
        assertFalse(PlanJson.toJson(shown).toString().contains("Walk Ryan"));
    }

    @Test
    void a_removed_action_or_one_under_a_removed_goal_leaves_the_view() {
        plan.apply(new SetField(goal, PlanField.DELETED, "true"));
        assertTrue(OwnActionsView.of(plan, SCHOOL).nodes().isEmpty());
    }

    @Test
    void a_viewer_is_sent_the_operations_on_what_it_has_but_not_the_words_of_a_goal() {
        PlanDocument shown = OwnActionsView.of(plan, SCHOOL);
        var onOwn = new SetField(schoolAction, PlanField.DUE_ON, "2027-01-31");
        var onHidden = new SetField(healthAction, PlanField.DUE_ON, "2027-01-31");
        var goalWords = new EditText(goal, PlanField.TITLE, TextOperation.insertAt(29, 0, "x"));
        assertEquals(List.of(onOwn), OwnActionsView.visibleOperations(List.of(onHidden, goalWords, onOwn), shown));
    }

    @Test
    void a_viewer_of_its_own_actions_may_change_their_words_date_and_status_but_not_their_owner_nor_anything_else() {
        PlanDocument shown = OwnActionsView.of(plan, SCHOOL);
        assertTrue(OwnActionsView.allows(shown, List.of(new SetField(schoolAction, PlanField.STATUS, "AGREED"),
                new EditText(schoolAction, PlanField.DESCRIPTION, TextOperation.insertAt(17, 17, "!")))));
        assertFalse(OwnActionsView.allows(shown, List.of(new SetField(healthAction, PlanField.STATUS, "DONE"))), "another's action");
        assertFalse(OwnActionsView.allows(shown, List.of(new SetField(schoolAction, PlanField.OWNER, HEALTH))), "handing it away");
        assertFalse(OwnActionsView.allows(shown, List.of(new EditText(goal, PlanField.TITLE, TextOperation.insertAt(0, 0, "x")))));
        assertFalse(OwnActionsView.allows(shown, List.of(new CreateGoal(id(), "X", "New"))));
        assertFalse(OwnActionsView.allows(shown, List.of(new CreateAction(id(), goal, "X", "New"))));
    }
}
