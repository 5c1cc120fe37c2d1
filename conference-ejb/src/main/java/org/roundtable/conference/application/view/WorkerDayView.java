package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.RecordAccess;

/**
 * One line of the readable access log: one worker, one day, what they looked at (each part
 * once), and the looks behind it, newest first (at most {@link #LOOKS_SHOWN}; lookCount says how
 * many there were).
 */
public record WorkerDayView(UUID staffId, String staffName, String agencyName, LocalDate day, List<String> what,
        List<Look> looks, int lookCount) {

    public static final int LOOKS_SHOWN = 50;

    /** One read: when, what, and the purpose the worker gave, if any. */
    public record Look(Instant at, String what, String purpose) {
    }

    /** Reads (newest first) gathered into one line per worker per local day, newest day first. */
    public static List<WorkerDayView> group(List<RecordAccess> newestFirst, ZoneId zone) {
        Map<String, List<RecordAccess>> byWorkerDay = new LinkedHashMap<>();
        for (RecordAccess a : newestFirst) {
            LocalDate day = a.accessedAt().atZone(zone).toLocalDate();
            byWorkerDay.computeIfAbsent(day + "|" + a.staffId(), k -> new ArrayList<>()).add(a);
        }
        var lines = new ArrayList<WorkerDayView>();
        for (List<RecordAccess> reads : byWorkerDay.values()) {
            RecordAccess newest = reads.get(0);
            var what = new LinkedHashSet<String>();
            reads.forEach(a -> what.add(a.what()));
            var looks = reads.stream().limit(LOOKS_SHOWN).map(a -> new Look(a.accessedAt(), a.what(), a.purpose())).toList();
            lines.add(new WorkerDayView(newest.staffId(), newest.staffName(), newest.agencyName(),
                    newest.accessedAt().atZone(zone).toLocalDate(), List.copyOf(what), looks, reads.size()));
        }
        return lines;
    }
}
