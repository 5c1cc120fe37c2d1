package org.roundtable.conference.application.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.record.DetailChange;
import org.roundtable.shared.record.DetailField;

/** Household rows stored in English words (those written before too) reach each reader's page as facts, to be said in their language. */
class DetailChangeViewTest {

    private final UUID family = UUID.randomUUID();
    private final Caller jess = Caller.familyMember(UUID.randomUUID(), "Jess Taylor", family);
    private final Instant at = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void someone_added_to_the_family_reads_as_having_joined_the_household() {
        var view = DetailChangeView.of(new DetailChange(family, UUID.randomUUID(), DetailField.HOUSEHOLD, null,
                "Kai Brown was added to the family", jess, null, at));
        assertEquals(DetailChangeView.HouseholdChange.JOINED, view.household());
        assertNull(view.leftOn());
    }

    @Test
    void someone_who_left_reads_as_having_left_on_the_stored_day() {
        var view = DetailChangeView.of(new DetailChange(family, UUID.randomUUID(), DetailField.HOUSEHOLD, "Lives in the household",
                "Left the household on 2026-11-20", jess, null, at));
        assertEquals(DetailChangeView.HouseholdChange.LEFT, view.household());
        assertEquals(LocalDate.of(2026, 11, 20), view.leftOn());
    }

    @Test
    void other_changes_are_no_household_change() {
        var view = DetailChangeView.of(new DetailChange(family, UUID.randomUUID(), DetailField.PHONE, "1", "2", jess, null, at));
        assertNull(view.household());
        assertNull(view.leftOn());
    }
}
