package org.roundtable.conference.application.access;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What the rules know of one family on one day, each fact read from the records at most once:
 * one decision (a plan edit, say) then asks who works with the family once, however many of its
 * rules need the answer. Lives no longer than the decision, so it never answers with yesterday's data.
 */
final class FamilyToday {

    private final AccessRecords records;
    private final UUID familyId;
    private final LocalDate day;
    private Set<UUID> agencies;
    private Set<UUID> members;

    FamilyToday(AccessRecords records, UUID familyId, LocalDate day) {
        this.records = records;
        this.familyId = familyId;
        this.day = day;
    }

    UUID id() {
        return familyId;
    }

    LocalDate day() {
        return day;
    }

    boolean worksWith(UUID agencyId) {
        if (agencies == null) {
            agencies = records.agenciesWorkingWith(familyId, day);
        }
        return agencies.contains(agencyId);
    }

    boolean hasMember(UUID personId) {
        if (members == null) {
            members = records.membersOf(familyId);
        }
        return members.contains(personId);
    }

    boolean chairedBy(UUID staffId) {
        return records.chairsAConferenceOf(staffId, familyId);
    }
}
