package org.roundtable.shared.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One meeting as an iCalendar file (RFC 5545), so that it lands in the person's own calendar.
 * Times are written in UTC ("Z"), which every calendar reads without a time-zone table; text is
 * escaped (backslash, semicolon, comma, newline) and lines are folded at 75 octets.
 *
 * @param uid      stays the same for the same conference, so a reschedule replaces the entry
 * @param sequence grows with every change (a reschedule or a cancellation)
 */
public record CalendarEvent(String uid, long sequence, Instant start, Duration length, String summary, String location,
        String description, String url, boolean cancelled, Instant stamp) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public CalendarEvent {
        Objects.requireNonNull(uid);
        Objects.requireNonNull(start);
        Objects.requireNonNull(length);
        Objects.requireNonNull(stamp);
    }

    public String toIcs() {
        var ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Roundtable//Case conferences//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + escape(uid));
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(start.plus(length)));
        line(ics, "SUMMARY:" + escape(summary));
        if (location != null && !location.isBlank()) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (description != null && !description.isBlank()) {
            line(ics, "DESCRIPTION:" + escape(description));
        }
        if (url != null && !url.isBlank()) {
            line(ics, "URL:" + url.strip());
        }
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values (RFC 5545 3.3.11): backslash first, then ; , and line breaks. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A content line ends in CRLF and is folded so no line is longer than 75 octets (3.1), never inside a character. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
