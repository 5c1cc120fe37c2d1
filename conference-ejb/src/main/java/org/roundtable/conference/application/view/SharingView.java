package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.LawfulBasis;
import org.roundtable.shared.record.SharingPreference;

/**
 * The family's sharing preferences for each agency working with it, and the ledger of times a
 * professional shared against them. For the family, entries the chair has restricted are left
 * out until their review date (their number is given, so the family knows something is held back).
 */
public record SharingView(List<AgencyPreferences> agencies, List<LedgerEntry> ledger, int entriesWithheld) {

    public record AgencyPreferences(UUID agencyId, String agencyName, Map<InformationKind, SharingPreference> preferences) {
    }

    public record LedgerEntry(UUID id, String agencyName, InformationKind kind, String what, LawfulBasis lawfulBasis, String reason,
            String decidedByName, Instant decidedAt, String restrictionReason, LocalDate restrictionReviewOn, String restrictedByName) {
    }
}
