package org.roundtable.conference.application.view;

import java.time.Instant;
import org.roundtable.conference.domain.model.record.RecordAccess;

/** One time someone at an agency looked at the family's record. */
public record AccessLogView(String staffName, String agencyName, String what, String purpose, Instant at) {

    public static AccessLogView of(RecordAccess a) {
        return new AccessLogView(a.staffName(), a.agencyName(), a.what(), a.purpose(), a.accessedAt());
    }
}
