package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.LawfulBasis;
import org.roundtable.shared.record.SharingPreference;

/**
 * The family's sharing preferences for each agency working with it, the ledger of times a
 * professional shared against them (each with its review date, and whether it is still in force
 * or was renewed), and the workers' requests to see something, with the family's answers. For
 * the family, entries the chair has restricted are left out until their review date (their number
 * is given, so the family knows something is held back).
 */
public record SharingView(List<AgencyPreferences> agencies, List<LedgerEntry> ledger, int entriesWithheld, List<RequestEntry> requests) {

    public record AgencyPreferences(UUID agencyId, String agencyName, Map<InformationKind, SharingPreference> preferences) {
    }

    public record LedgerEntry(UUID id, UUID agencyId, String agencyName, InformationKind kind, String what, LawfulBasis lawfulBasis,
            String reason, String decidedByName, Instant decidedAt, LocalDate reviewOn, boolean inForce, boolean renewed,
            String restrictionReason, LocalDate restrictionReviewOn, String restrictedByName) {
    }

    /** A worker's request and where it stands: WAITING (until answerBy), YES (shared until sharedUntil), NO, EXPIRED. */
    public record RequestEntry(UUID id, UUID agencyId, String agencyName, InformationKind kind, String what, String reason, int days,
            String requestedByName, Instant requestedAt, LocalDate answerBy, SharingRequest.Status status, String answeredByName,
            Instant answeredAt, LocalDate sharedUntil) {
    }
}
