package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conference's reports: the deadline, the reports the caller may read, and which invited agencies are late. */
/** shortNotice: booked after the usual deadline had passed, so reports are due by the start (see ReportDeadline). */
public record ReportsView(Instant deadline, boolean shortNotice, List<Report> reports, List<Expected> expected) {

    public record Report(UUID id, UUID agencyId, String agencyName, String fileName, long sizeBytes, String uploadedByName,
            Instant uploadedAt, Instant sharedAt, boolean late) {
    }

    /** An invited agency and its report: received or not, and late or not. */
    public record Expected(UUID agencyId, String agencyName, boolean received, Instant receivedAt, boolean late) {
    }
}
