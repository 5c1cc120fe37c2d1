package org.roundtable.conference.application.view;

import java.util.List;

/**
 * "Who looked at your record", readable: first the times a worker shared against the family's
 * wishes (with their reasons; entries a chair holds back are counted, not shown), then one line
 * per worker per day, a page at a time.
 */
public record AccessLogDaysView(List<SharingView.LedgerEntry> overrides, int overridesWithheld,
        List<WorkerDayView> items, int page, int size, long total) {
}
