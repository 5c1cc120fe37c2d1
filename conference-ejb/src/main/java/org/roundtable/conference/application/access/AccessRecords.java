package org.roundtable.conference.application.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/**
 * What the access rules read from the records, and nothing more: a port, so that the rules are
 * decided in one place and can be tried without a database (the tests give an in-memory one).
 */
public interface AccessRecords {

    /** The agencies whose involvement with the family is active on the day. */
    Set<UUID> agenciesWorkingWith(UUID familyId, LocalDate day);

    /** Whether the advocate's assignment to the family is active on the day. */
    boolean advocateAssigned(UUID advocateId, UUID familyId, LocalDate day);

    /**
     * The family's lead worker on the day: children's social care's lead practitioner when it
     * works with the family, else the lead of the involvement recorded first among those active.
     */
    Optional<UUID> leadWorker(UUID familyId, LocalDate day);

    /** Whether a private part running in one of the family's conferences keeps this person out. */
    boolean keptOutOfPlan(UUID personId, UUID familyId);

    /** Whether this member of staff chairs any conference of the family. */
    boolean chairsAConferenceOf(UUID staffId, UUID familyId);

    /** Everyone on the family's record as a member. */
    Set<UUID> membersOf(UUID familyId);

    /** What the family chose to share with the agency (no choice recorded: share). */
    SharingPreference sharingPreference(UUID familyId, UUID agencyId, InformationKind kind);

    /** Whether a worker of the agency recorded an override that is still before its review date on the day. */
    boolean overrideInForce(UUID familyId, UUID agencyId, InformationKind kind, LocalDate day);

    /** The agency's requests to see this kind of the family's information, answered or not. */
    List<SharingRequest> sharingRequests(UUID familyId, UUID agencyId, InformationKind kind);
}
