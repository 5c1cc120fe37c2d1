package org.roundtable.shared.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.roundtable.shared.domain.ConferenceKind;

/**
 * When agencies' reports are due before a conference: 48 hours before an initial child
 * protection conference, otherwise a number of working days before (3 by default), at the time
 * of day the conference starts. Both are configurable.
 */
public record ReportDeadline(int workingDaysBefore, int hoursBeforeInitial) {

    public ReportDeadline {
        if (workingDaysBefore < 0 || workingDaysBefore > 20) {
            throw new IllegalArgumentException("Report working days before a conference must be between 0 and 20, not " + workingDaysBefore + ".");
        }
        if (hoursBeforeInitial < 0 || hoursBeforeInitial > 240) {
            throw new IllegalArgumentException("Report hours before an initial conference must be between 0 and 240, not " + hoursBeforeInitial + ".");
        }
    }

    public static ReportDeadline defaults() {
        return new ReportDeadline(3, 48);
    }

    /** When reports are due, and whether the conference was booked too late for the usual deadline. */
    public record Due(Instant at, boolean shortNotice) {
    }

    /**
     * For a conference whose start was set at {@code startSetAt} (null when not known): the usual
     * deadline, unless it had already passed when the conference was booked. Then no agency could
     * have been on time, so reports are due by the start instead of being late from the outset.
     */
    public Due forConference(ConferenceKind kind, Instant start, Instant startSetAt, ZoneId zone, WorkingDays calendar) {
        Instant usual = forConference(kind, start, zone, calendar);
        boolean shortNotice = startSetAt != null && usual.isBefore(startSetAt);
        return new Due(shortNotice ? start : usual, shortNotice);
    }

    public Instant forConference(ConferenceKind kind, Instant start, ZoneId zone, WorkingDays calendar) {
        if (kind == ConferenceKind.INITIAL_CHILD_PROTECTION) {
            return start.minus(Duration.ofHours(hoursBeforeInitial));
        }
        var local = start.atZone(zone);
        LocalDate day = calendar.minus(local.toLocalDate(), workingDaysBefore);
        LocalTime time = local.toLocalTime();
        return day.atTime(time).atZone(zone).toInstant();
    }
}
