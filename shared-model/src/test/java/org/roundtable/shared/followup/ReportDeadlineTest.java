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
}
