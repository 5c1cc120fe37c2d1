package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;
import org.roundtable.shared.plan.PlanRejection.Reason;

/**
 * A change the plan's authority accepts is one the database can store: otherwise it would be
 * acknowledged, then fail the group commit it shares with other families' changes.
 */
class PlanLimitsTest {

    private final String goal = UUID.randomUUID().toString();
    private final String action = UUID.randomUUID().toString();

    private PlanAuthority plan(String title) {
        var doc = new PlanDocument();
        doc.apply(new CreateGoal(goal, "V", title));
        doc.apply(new CreateAction(action, goal, "V", "Walk to school"));
        return new PlanAuthority(doc, 0, 100);
    }

    private static PlanChange change(long base, PlanOperation... ops) {
        return new PlanChange(UUID.randomUUID().toString(), "client", base, List.of(ops));
    }

    private PlanRejection refused(PlanAuthority authority, PlanOperation op) {
        var before = authority.document();
        long revision = authority.revision();
        PlanRejection e = assertThrows(PlanRejection.class, () -> authority.submit(change(revision, op)));
        assertEquals(Reason.INVALID_VALUE, e.reason());
        assertEquals(before, authority.document(), "nothing of a refused change is applied");
        assertEquals(revision, authority.revision());
        return e;
    }

    @Test
    void typing_a_goal_title_past_500_characters_is_refused_at_the_character_that_passes_it() {
        var authority = plan("a".repeat(499));
        authority.submit(change(0, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(499, 499, "b"))));
        refused(authority, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(500, 500, "c")));
    }

    @Test
    void a_new_goal_with_a_title_over_500_characters_is_refused() {
        var authority = plan("Safe home");
        refused(authority, new CreateGoal(UUID.randomUUID().toString(), "a", "t".repeat(501)));
    }

    @Test
    void a_goal_description_over_4000_and_an_action_description_over_2000_characters_are_refused() {
        var authority = plan("Safe home");
        authority.submit(change(0, new EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(0, 0, "d".repeat(4000)))));
        refused(authority, new EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(4000, 0, "d")));
        String words = "Walk to school";
        authority.submit(change(1, new EditText(action, PlanField.DESCRIPTION, TextOperation.insertAt(words.length(), 0,
                "e".repeat(2000 - words.length())))));
        refused(authority, new EditText(action, PlanField.DESCRIPTION, TextOperation.insertAt(2000, 0, "e")));
    }

    @Test
    void a_nul_or_other_control_character_is_refused_but_tab_and_newline_are_kept() {
        var authority = plan("Safe home");
        refused(authority, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(9, 4, "\u0000")));
        refused(authority, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(9, 4, "\u001b")));
        refused(authority, new CreateAction(UUID.randomUUID().toString(), goal, "a", "bell\u0007"));
        authority.submit(change(0, new EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(0, 0, "one\ttwo\nthree"))));
        assertEquals("one\ttwo\nthree", authority.document().node(goal).orElseThrow().get(PlanField.DESCRIPTION));
    }

    @Test
    void an_edit_that_leaves_half_a_character_is_refused() {
        var authority = plan("x\ud83d\ude00y");
        // Deleting only the second half of the emoji leaves a lone surrogate.
        refused(authority, new EditText(goal, PlanField.TITLE, TextOperation.deleteAt(4, 2, 1)));
        refused(authority, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(4, 4, "\ud83d")));
    }

    @Test
    void an_astral_character_changed_one_code_unit_at_a_time_is_accepted() {
        var authority = plan("x\ud83d\ude00y");
        // How a code-unit diff turns 😀 into 😁: keep x and the high half, swap the low half.
        var swap = TextOperation.builder().retain(2).insert("\ude01").delete(1).retain(1).build();
        assertInstanceOf(PlanAuthority.Applied.class, authority.submit(change(0, new EditText(goal, PlanField.TITLE, swap))));
        assertEquals("x\ud83d\ude01y", authority.document().node(goal).orElseThrow().get(PlanField.TITLE));
    }

    @Test
    void two_people_changing_the_same_emoji_at_once_cannot_leave_half_a_character() {
        var authority = plan("x\ud83d\ude00y");
        var toGrin = TextOperation.builder().retain(2).insert("\ude01").delete(1).retain(1).build();
        var toJoy = TextOperation.builder().retain(2).insert("\ude02").delete(1).retain(1).build();
        authority.submit(change(0, new EditText(goal, PlanField.TITLE, toGrin)));
        var late = change(0, new EditText(goal, PlanField.TITLE, toJoy));
        assertEquals(Reason.INVALID_VALUE, assertThrows(PlanRejection.class, () -> authority.submit(late)).reason());
        assertEquals("x\ud83d\ude01y", authority.document().node(goal).orElseThrow().get(PlanField.TITLE));
    }

    /** Issue 11, finding 8: a due date in the year 99999 was stored, and every page that listed it broke. */
    @Test
    void a_due_date_outside_the_years_1900_to_2100_is_refused_so_no_page_has_to_show_it() {
        var authority = plan("Safe home");
        refused(authority, new SetField(action, PlanField.DUE_ON, "+99999-01-01"));
        refused(authority, new SetField(action, PlanField.DUE_ON, "2101-01-01"));
        refused(authority, new SetField(action, PlanField.DUE_ON, "1899-12-31"));
        authority.submit(change(0, new SetField(action, PlanField.DUE_ON, "2100-12-31")));
        authority.submit(change(1, new SetField(action, PlanField.DUE_ON, "1900-01-01")));
        assertEquals("1900-01-01", authority.document().node(action).orElseThrow().get(PlanField.DUE_ON));
    }

    @Test
    void the_table_of_limits_in_the_protocol_document_is_the_one_the_server_checks() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "protocol.md"));
        assertTrue(doc.contains(Limit.markdownTable()), "docs/protocol.md must print Limit.markdownTable():\n" + Limit.markdownTable());
    }
}
