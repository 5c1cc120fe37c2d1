package org.roundtable.shared.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays englandAndWales = WorkingDays.englandAndWales();

    @Test
    void weekends_and_bank_holidays_are_not_working_days() {
        assertFalse(englandAndWales.isWorkingDay(LocalDate.of(2026, 11, 28)), "a Saturday");
        assertFalse(englandAndWales.isWorkingDay(LocalDate.of(2026, 12, 28)), "Boxing Day's substitute Monday");
        assertFalse(englandAndWales.isWorkingDay(LocalDate.of(2027, 3, 26)), "Good Friday 2027");
        assertTrue(englandAndWales.isWorkingDay(LocalDate.of(2026, 11, 26)), "an ordinary Thursday");
    }

    @Test
    void fifteen_working_days_skip_weekends() {
        // Monday 2 November 2026: three whole weeks later is Monday 23 November.
        assertEquals(LocalDate.of(2026, 11, 23), englandAndWales.plus(LocalDate.of(2026, 11, 2), 15));
    }

    @Test
    void working_days_over_christmas_skip_the_bank_holidays() {
        // Thursday 17 December 2026: 25th, 28th and 1st January are bank holidays.
        // 18, 21, 22, 23, 24, 29, 30, 31 December, 4, 5 January.
        assertEquals(LocalDate.of(2027, 1, 5), englandAndWales.plus(LocalDate.of(2026, 12, 17), 10));
        assertEquals(LocalDate.of(2026, 12, 17), englandAndWales.minus(LocalDate.of(2027, 1, 5), 10));
    }

    @Test
    void the_list_of_bank_holidays_is_configuration() {
        var custom = WorkingDays.parse("2026-11-27, 2026-11-30");
        assertEquals(LocalDate.of(2026, 12, 1), custom.plus(LocalDate.of(2026, 11, 26), 1));
        assertEquals(LocalDate.of(2026, 12, 1), custom.onOrAfter(LocalDate.of(2026, 11, 27)));
        assertEquals(LocalDate.of(2026, 11, 26), custom.onOrBefore(LocalDate.of(2026, 11, 30)));
        var e = assertThrows(IllegalArgumentException.class, () -> WorkingDays.parse("2026-11-27,27/11/2026"));
        assertTrue(e.getMessage().contains("27/11/2026"));
    }
}
