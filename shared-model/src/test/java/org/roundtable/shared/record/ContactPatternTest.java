package org.roundtable.shared.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.domain.ContactKind;
import org.roundtable.shared.record.ContactPattern.Contact;

class ContactPatternTest {

    private final List<Contact> contacts = List.of(
            new Contact("Health", ContactKind.ASSESSMENT, LocalDate.of(2026, 9, 3)),
            new Contact("Social care", ContactKind.ASSESSMENT, LocalDate.of(2026, 9, 20)),
            new Contact("Social care", ContactKind.VISIT, LocalDate.of(2026, 10, 1)),
            new Contact("Social care", ContactKind.VISIT, LocalDate.of(2026, 11, 2)),
            new Contact("School", ContactKind.ASSESSMENT, LocalDate.of(2026, 3, 1)),
            new Contact("School", ContactKind.ASSESSMENT, LocalDate.of(2026, 3, 9)));

    @Test
    void contacts_are_counted_per_agency_per_month_and_old_ones_are_left_out() {
        var timeline = ContactPattern.timeline(contacts, YearMonth.of(2026, 11), 3);
        assertEquals(List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11)), timeline.months());
        assertArrayEquals(new int[] {1, 1, 1}, timeline.perAgency().get("Social care"));
        assertArrayEquals(new int[] {1, 0, 0}, timeline.perAgency().get("Health"));
        assertTrue(!timeline.perAgency().containsKey("School"), "March is outside the three months");
        assertEquals(List.of("Social care", "Health"), List.copyOf(ContactPattern.totals(timeline).keySet()));
    }

    @Test
    void assessments_by_different_agencies_close_together_are_flagged_but_one_agency_repeating_itself_is_not() {
        var repeated = ContactPattern.repeatedAssessments(contacts, 60);
        assertEquals(1, repeated.size());
        assertEquals(List.of("Health", "Social care"), repeated.get(0).agencies());
        assertEquals(LocalDate.of(2026, 9, 3), repeated.get(0).from());
    }
}
