package org.roundtable.shared.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.domain.ConferenceKind;

class ReportDeadlineTest {

    private final ZoneId london = ZoneId.of("Europe/London");
    private final WorkingDays calendar = WorkingDays.englandAndWales();

    @Test
    void reports_for_a_review_are_due_three_working_days_before() {
        // Tuesday 1 December 2026, 10:00: three working days before is Thursday 26 November, 10:00.
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"),
                ReportDeadline.defaults().forConference(ConferenceKind.REVIEW_CHILD_PROTECTION, start, london, calendar));
    }

    @Test
    void reports_for_an_initial_conference_are_due_48_hours_before() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"),
                ReportDeadline.defaults().forConference(ConferenceKind.INITIAL_CHILD_PROTECTION, start, london, calendar));
    }

    @Test
    void a_conference_booked_after_the_usual_deadline_has_its_reports_due_by_its_start_so_no_agency_is_late_from_the_outset() {
        // Booked on Monday 30 November at 09:00 for Tuesday 1 December at 10:00: three working days before has passed.
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        var due = ReportDeadline.defaults().forConference(ConferenceKind.REVIEW_CHILD_PROTECTION, start,
                Instant.parse("2026-11-30T09:00:00Z"), london, calendar);
        assertEquals(new ReportDeadline.Due(start, true), due);
    }

    @Test
    void a_conference_booked_in_good_time_keeps_the_usual_deadline() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        var due = ReportDeadline.defaults().forConference(ConferenceKind.INITIAL_CHILD_PROTECTION, start,
                Instant.parse("2026-11-20T09:00:00Z"), london, calendar);
        assertEquals(new ReportDeadline.Due(Instant.parse("2026-11-29T10:00:00Z"), false), due);
    }

    @Test
    void a_conference_whose_booking_time_is_not_known_keeps_the_usual_deadline() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(new ReportDeadline.Due(Instant.parse("2026-11-26T10:00:00Z"), false),
                ReportDeadline.defaults().forConference(ConferenceKind.REVIEW_CHILD_PROTECTION, start, null, london, calendar));
    }
}
