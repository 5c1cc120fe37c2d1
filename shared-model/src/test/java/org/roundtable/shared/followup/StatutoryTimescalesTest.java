package org.roundtable.shared.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.followup.StatutoryTimescales.ConferenceDue;
import org.roundtable.shared.followup.StatutoryTimescales.HeldConference;
import org.roundtable.shared.followup.StatutoryTimescales.State;

class StatutoryTimescalesTest {

    private final StatutoryTimescales rules = StatutoryTimescales.workingTogether();
    private final WorkingDays calendar = WorkingDays.englandAndWales();
    private final LocalDate strategy = LocalDate.of(2026, 9, 1);

    @Test
    void an_initial_conference_is_due_fifteen_working_days_after_the_strategy_discussion() {
        var due = rules.schedule(strategy, List.of(), LocalDate.of(2026, 9, 10), calendar);
        assertEquals(1, due.size());
        assertEquals(ConferenceKind.INITIAL_CHILD_PROTECTION, due.get(0).kind());
        assertEquals(LocalDate.of(2026, 9, 22), due.get(0).dueBy());
        assertEquals(State.DUE, due.get(0).state());
        assertEquals(LocalDate.of(2026, 9, 22), due.get(0).proposedOn(), "the last working day within the timescale");
    }

    @Test
    void an_initial_conference_not_booked_in_time_is_flagged_and_the_next_working_day_proposed() {
        var due = rules.schedule(strategy, List.of(), LocalDate.of(2026, 9, 25), calendar).get(0);
        assertEquals(State.OVERDUE, due.state());
        assertTrue(due.state().isBreach());
        assertEquals(LocalDate.of(2026, 9, 28), due.proposedOn(), "Friday the 25th: propose Monday");
    }

    @Test
    void a_late_initial_conference_is_a_breach_and_reviews_and_core_groups_follow_from_it() {
        var initial = new HeldConference(UUID.randomUUID(), ConferenceKind.INITIAL_CHILD_PROTECTION, LocalDate.of(2026, 9, 24));
        List<ConferenceDue> due = rules.schedule(strategy, List.of(initial), LocalDate.of(2026, 9, 25), calendar);
        assertEquals(State.LATE, due.get(0).state());
        assertEquals(initial.id(), due.get(0).conferenceId());
        ConferenceDue review = find(due, ConferenceKind.REVIEW_CHILD_PROTECTION);
        assertEquals(LocalDate.of(2026, 12, 24), review.dueBy(), "three months after the initial conference");
        assertEquals(LocalDate.of(2026, 12, 24), review.proposedOn());
        ConferenceDue coreGroup = find(due, ConferenceKind.CORE_GROUP);
        assertEquals(LocalDate.of(2026, 10, 8), coreGroup.dueBy(), "ten working days after the initial conference");
    }

    @Test
    void later_reviews_are_due_six_months_after_the_last_and_core_groups_six_weeks() {
        var initial = new HeldConference(UUID.randomUUID(), ConferenceKind.INITIAL_CHILD_PROTECTION, LocalDate.of(2026, 1, 12));
        var review = new HeldConference(UUID.randomUUID(), ConferenceKind.REVIEW_CHILD_PROTECTION, LocalDate.of(2026, 4, 20));
        var group = new HeldConference(UUID.randomUUID(), ConferenceKind.CORE_GROUP, LocalDate.of(2026, 1, 20));
        var due = rules.schedule(null, List.of(review, initial, group), LocalDate.of(2026, 11, 26), calendar);
        var firstReview = due.stream().filter(d -> review.id().equals(d.conferenceId())).findFirst().orElseThrow();
        assertEquals(State.LATE, firstReview.state(), "due by 12 April, held on the 20th");
        var nextReview = due.stream().filter(d -> d.kind() == ConferenceKind.REVIEW_CHILD_PROTECTION && d.conferenceId() == null)
                .findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 10, 20), nextReview.dueBy());
        assertEquals(State.OVERDUE, nextReview.state());
        var groupDue = due.stream().filter(d -> group.id().equals(d.conferenceId())).findFirst().orElseThrow();
        assertEquals(State.ON_TIME, groupDue.state());
        var nextGroup = due.stream().filter(d -> d.kind() == ConferenceKind.CORE_GROUP && d.conferenceId() == null)
                .findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 3), nextGroup.dueBy());
    }

    @Test
    void without_a_strategy_discussion_or_an_initial_conference_nothing_is_due() {
        assertTrue(rules.schedule(null, List.of(), LocalDate.of(2026, 11, 26), calendar).isEmpty());
    }

    @Test
    void timescales_out_of_range_are_refused_with_their_name() {
        var e = assertThrows(IllegalArgumentException.class, () -> new StatutoryTimescales(15, 3, 6, 10, 0));
        assertTrue(e.getMessage().contains("core group weeks"));
    }

    private static ConferenceDue find(List<ConferenceDue> due, ConferenceKind kind) {
        var found = due.stream().filter(d -> d.kind() == kind).toList();
        assertEquals(1, found.size());
        assertNull(found.get(0).conferenceId());
        return found.get(0);
    }
}
