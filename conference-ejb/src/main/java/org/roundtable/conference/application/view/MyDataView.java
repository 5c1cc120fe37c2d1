package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.List;

/**
 * Everything Roundtable holds about a family, as a subject access request would deliver it:
 * the family and its members, who works with it, the plan, every conference's record as this
 * person may read it, contacts, changes to its details, suggested corrections, sharing
 * preferences and decisions, who looked at the record, and the reports shared with it.
 */
public record MyDataView(Instant generatedAt, String requestedBy, FamilyView family, PlanView plan,
        List<ConferenceRecordView> conferences, List<ContactView> contacts, List<DetailChangeView> detailChanges,
        List<ProposalView> suggestedCorrections, SharingView sharing, List<AccessLogView> accessLog,
        List<ReportsView.Report> reports) {
}
