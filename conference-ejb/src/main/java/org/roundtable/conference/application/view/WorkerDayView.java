package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One line of the readable access log (AccessLogService pages them in the database): one
 * worker, one day, what they looked at (each part once), and the looks behind it, newest first
 * (at most {@link #LOOKS_SHOWN}; lookCount says how many there were).
 */
public record WorkerDayView(UUID staffId, String staffName, String agencyName, LocalDate day, List<String> what,
        List<Look> looks, int lookCount) {

    public static final int LOOKS_SHOWN = 50;

    /** One read: when, what, and the purpose the worker gave, if any. */
    public record Look(Instant at, String what, String purpose) {
    }
}
