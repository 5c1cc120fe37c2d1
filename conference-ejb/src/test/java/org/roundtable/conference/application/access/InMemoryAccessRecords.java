package org.roundtable.conference.application.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/**
 * The records the access rules read, held in memory for the tests: involvements and assignments
 * with their dates, members, chairs, private parts and what each family shares. It counts how
 * often the rules ask who works with a family, which is what a plan edit must ask only once.
 */
final class InMemoryAccessRecords implements AccessRecords {

    private record Period(UUID familyId, UUID who, LocalDate from, LocalDate to) {
        boolean includes(UUID family, UUID person, LocalDate day) {
            return familyId.equals(family) && who.equals(person) && !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private record RecordedOverride(UUID familyId, UUID agencyId, InformationKind kind, LocalDate reviewOn) {
    }

    private final List<Period> involvements = new ArrayList<>();
    private final List<Period> assignments = new ArrayList<>();
    private final Map<UUID, UUID> leadWorkers = new HashMap<>();
    private final Set<List<UUID>> keptOut = new HashSet<>();
    private final Set<List<UUID>> chairs = new HashSet<>();
    private final Map<UUID, Set<UUID>> members = new HashMap<>();
    private final Map<List<Object>, SharingPreference> preferences = new HashMap<>();
    private final List<RecordedOverride> overrides = new ArrayList<>();
    private final List<SharingRequest> requests = new ArrayList<>();
    int involvementQueries;

    void involve(UUID agencyId, UUID familyId, LocalDate from, LocalDate to) {
        involvements.add(new Period(familyId, agencyId, from, to));
    }

    void assignAdvocate(UUID advocateId, UUID familyId, LocalDate from, LocalDate to) {
        assignments.add(new Period(familyId, advocateId, from, to));
    }

    void leadWorker(UUID familyId, UUID staffId) {
        leadWorkers.put(familyId, staffId);
    }

    void keepOutOfPlan(UUID personId, UUID familyId) {
        keptOut.add(List.of(personId, familyId));
    }

    void chairs(UUID staffId, UUID familyId) {
        chairs.add(List.of(staffId, familyId));
    }

    void member(UUID personId, UUID familyId) {
        members.computeIfAbsent(familyId, f -> new HashSet<>()).add(personId);
    }

    void prefer(UUID familyId, UUID agencyId, InformationKind kind, SharingPreference preference) {
        preferences.put(List.of(familyId, agencyId, kind), preference);
    }

    void override(UUID familyId, UUID agencyId, InformationKind kind, LocalDate reviewOn) {
        overrides.add(new RecordedOverride(familyId, agencyId, kind, reviewOn));
    }

    void request(SharingRequest request) {
        requests.add(request);
    }

    @Override
    public Set<UUID> agenciesWorkingWith(UUID familyId, LocalDate day) {
        involvementQueries++;
        return involvements.stream().filter(i -> i.includes(familyId, i.who(), day)).map(Period::who).collect(Collectors.toSet());
    }

    @Override
    public boolean advocateAssigned(UUID advocateId, UUID familyId, LocalDate day) {
        return assignments.stream().anyMatch(a -> a.includes(familyId, advocateId, day));
    }

    @Override
    public Optional<UUID> leadWorker(UUID familyId, LocalDate day) {
        return Optional.ofNullable(leadWorkers.get(familyId));
    }

    @Override
    public boolean keptOutOfPlan(UUID personId, UUID familyId) {
        return keptOut.contains(List.of(personId, familyId));
    }

    @Override
    public boolean chairsAConferenceOf(UUID staffId, UUID familyId) {
        return chairs.contains(List.of(staffId, familyId));
    }

    @Override
    public Set<UUID> membersOf(UUID familyId) {
        return members.getOrDefault(familyId, Set.of());
    }

    @Override
    public SharingPreference sharingPreference(UUID familyId, UUID agencyId, InformationKind kind) {
        return preferences.getOrDefault(List.of(familyId, agencyId, kind), SharingPreference.SHARE);
    }

    @Override
    public boolean overrideInForce(UUID familyId, UUID agencyId, InformationKind kind, LocalDate day) {
        return overrides.stream().anyMatch(o -> o.familyId().equals(familyId) && o.agencyId().equals(agencyId) && o.kind() == kind
                && o.reviewOn().isAfter(day));
    }

    @Override
    public List<SharingRequest> sharingRequests(UUID familyId, UUID agencyId, InformationKind kind) {
        return requests.stream().filter(r -> r.familyId().equals(familyId) && r.agencyId().equals(agencyId) && r.kind() == kind).toList();
    }
}
