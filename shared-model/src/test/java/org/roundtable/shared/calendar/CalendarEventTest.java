package org.roundtable.shared.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CalendarEventTest {

    private static final Instant STAMP = Instant.parse("2026-12-01T08:00:00Z");

    private static CalendarEvent meeting(String location, String description) {
        return new CalendarEvent("conf-1@roundtable", 2, Instant.parse("2027-03-04T10:30:00Z"), Duration.ofMinutes(90),
                "Meeting about the Taylor family", location, description, "https://rt.example/conferences/1", false, STAMP);
    }

    @Test
    void times_are_written_in_utc() {
        String ics = meeting(null, null).toIcs();
        assertTrue(ics.contains("\r\nDTSTART:20270304T103000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nDTEND:20270304T120000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nDTSTAMP:20261201T080000Z\r\n"), ics);
    }

    @Test
    void commas_semicolons_backslashes_and_line_breaks_in_an_address_cannot_break_the_file() {
        String ics = meeting("Room 2; Town Hall, 1 High St\\Annex\nRiverside", null).toIcs();
        assertTrue(ics.contains("LOCATION:Room 2\\; Town Hall\\, 1 High St\\\\Annex\\nRiverside\r\n"), ics);
    }

    @Test
    void long_lines_are_folded_at_75_octets_without_splitting_a_character() {
        String words = "Ein Treffen über Ryans Schulbesuch – ".repeat(10);
        String ics = meeting(null, words).toIcs();
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("DESCRIPTION:" + words.replace(",", "\\,") + "\r\n"), unfolded);
        assertTrue(Arrays.stream(ics.split("\r\n")).noneMatch(l -> l.contains("\uFFFD")));
    }

    @Test
    void a_cancelled_meeting_says_so_and_keeps_its_uid() {
        String ics = new CalendarEvent("conf-1@roundtable", 3, Instant.parse("2027-03-04T10:30:00Z"), Duration.ofHours(2),
                "Meeting", null, null, null, true, STAMP).toIcs();
        assertTrue(ics.contains("\r\nMETHOD:CANCEL\r\n"));
        assertTrue(ics.contains("\r\nSTATUS:CANCELLED\r\n"));
        assertTrue(ics.contains("\r\nUID:conf-1@roundtable\r\n"));
        assertTrue(ics.contains("\r\nSEQUENCE:3\r\n"));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.endsWith("END:VCALENDAR\r\n"));
    }

    @Test
    void escaping_handles_each_special_character() {
        assertEquals("a\\\\b\\;c\\,d\\ne", CalendarEvent.escape("a\\b;c,d\r\ne"));
    }
}
