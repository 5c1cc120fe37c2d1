package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanRejection.Reason;

class PlanAuthorityTest {

    private final String goal = UUID.randomUUID().toString();

    private PlanAuthority authorityWithGoal() {
        var doc = new PlanDocument();
        doc.apply(new CreateGoal(goal, "V", "abc"));
        return new PlanAuthority(doc, 0, 3);
    }

    private static PlanChange change(String id, long base, PlanOperation op) {
        return new PlanChange(id, "client", base, List.of(op));
    }

    @Test
    void a_resent_change_is_applied_once() {
        var authority = authorityWithGoal();
        var edit = change("c1", 0, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 3, "d")));
        assertInstanceOf(PlanAuthority.Applied.class, authority.submit(edit));
        assertEquals(new PlanAuthority.Duplicate(1), authority.submit(edit));
        assertEquals("abcd", authority.document().node(goal).orElseThrow().get(PlanField.TITLE));
    }

    @Test
    void a_late_change_is_rewritten_against_what_it_had_not_seen() {
        var authority = authorityWithGoal();
        authority.submit(change("c1", 0, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 0, "X"))));
        var late = (PlanAuthority.Applied) authority.submit(change("c2", 0, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 3, "Y"))));
        assertEquals(2, late.change().revision());
        assertEquals("XabcY", authority.document().node(goal).orElseThrow().get(PlanField.TITLE));
    }

    @Test
    void a_change_based_on_history_no_longer_kept_is_refused() {
        var authority = authorityWithGoal();
        for (int i = 0; i < 5; i++) {
            authority.submit(change("c" + i, i, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3 + i, 0, "x"))));
        }
        var e = assertThrows(PlanRejection.class, () -> authority.submit(change("old", 0,
                new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 0, "y")))));
        assertEquals(Reason.STALE_BASE, e.reason());
        assertEquals(Reason.FUTURE_BASE, assertThrows(PlanRejection.class, () -> authority.submit(change("new", 99,
                new EditText(goal, PlanField.TITLE, TextOperation.insertAt(8, 0, "y"))))).reason());
    }

    @Test
    void a_change_that_fails_part_way_changes_nothing() {
        var authority = authorityWithGoal();
        var bad = new PlanChange("c1", "client", 0, List.of(
                new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 0, "ok")),
                new PlanOperation.SetField(UUID.randomUUID().toString(), PlanField.STATUS, "DONE")));
        assertThrows(PlanRejection.class, () -> authority.submit(bad));
        assertEquals(0, authority.revision());
        assertEquals("abc", authority.document().node(goal).orElseThrow().get(PlanField.TITLE));
    }

    @Test
    void a_plan_loaded_from_a_snapshot_still_rewrites_changes_made_before_it() {
        var live = authorityWithGoal();
        var first = ((PlanAuthority.Applied) live.submit(change("c1", 0, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 0, "X"))))).change();
        var second = ((PlanAuthority.Applied) live.submit(change("c2", 1, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(4, 4, "Y"))))).change();
        // Reloaded: snapshot at revision 1, change 2 replayed, change 1 remembered as history.
        var snapshot = authorityWithGoal();
        snapshot.restore(first);
        var reloaded = new PlanAuthority(snapshot.document(), 1, 3);
        reloaded.restore(second);
        reloaded.rememberOlder(first);
        var late = change("c3", 0, new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3, 1, "-")));
        live.submit(late);
        reloaded.submit(late);
        assertEquals(live.document(), reloaded.document());
    }

    @Test
    void loading_more_history_than_is_kept_keeps_the_newest_and_ignores_the_rest() {
        var live = authorityWithGoal();
        var changes = new java.util.ArrayList<PlanChange>();
        for (int i = 0; i < 6; i++) {
            changes.add(((PlanAuthority.Applied) live.submit(change("c" + i, i,
                    new EditText(goal, PlanField.TITLE, TextOperation.insertAt(3 + i, 3 + i, "x"))))).change());
        }
        // Snapshot at revision 4: changes 5 and 6 are replayed, 4, 3, 2 and 1 offered as history; only 3 are kept.
        var snapshot = authorityWithGoal();
        changes.subList(0, 4).forEach(snapshot::restore);
        var reloaded = new PlanAuthority(snapshot.document(), 4, 3);
        changes.subList(4, 6).forEach(reloaded::restore);
        for (int i = 3; i >= 0; i--) {
            reloaded.rememberOlder(changes.get(i));
        }
        assertEquals(3, reloaded.oldestRetainedBase());
        assertEquals(live.document(), reloaded.document());
    }
}
