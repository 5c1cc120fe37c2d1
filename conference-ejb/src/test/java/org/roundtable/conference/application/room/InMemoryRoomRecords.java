package org.roundtable.conference.application.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;

/** A conference's agenda and private parts kept in memory, refusing what the database-backed record refuses. */
final class InMemoryRoomRecords implements RoomRecords {

    /** A private part as recorded. */
    record Recorded(UUID id, UUID conferenceId, Caller startedBy, Set<UUID> excluded, String reason, String familyText, Caller endedBy) {
    }

    private final Map<UUID, Set<UUID>> agendas = new HashMap<>();
    private final List<Recorded> parts = new ArrayList<>();

    void agenda(UUID conferenceId, UUID... items) {
        agendas.computeIfAbsent(conferenceId, id -> new HashSet<>()).addAll(List.of(items));
    }

    List<Recorded> parts() {
        return List.copyOf(parts);
    }

    @Override
    public void requireAgendaItem(UUID conferenceId, UUID itemId) {
        if (!agendas.getOrDefault(conferenceId, Set.of()).contains(itemId)) {
            throw new ResourceNotFound("agenda item");
        }
    }

    @Override
    public UUID startPrivatePart(Caller chair, UUID conferenceId, Set<UUID> excluded, String reason, String familyText) {
        if (privatePartRunning(conferenceId)) {
            throw new DomainRuleViolation("A private part is already running; end it first.");
        }
        var part = new Recorded(UUID.randomUUID(), conferenceId, chair, Set.copyOf(excluded), reason, familyText, null);
        parts.add(part);
        return part.id();
    }

    @Override
    public void endPrivatePart(Caller chair, UUID conferenceId) {
        Recorded running = parts.stream().filter(p -> p.conferenceId().equals(conferenceId) && p.endedBy() == null).findFirst()
                .orElseThrow(() -> new DomainRuleViolation("No private part is running."));
        parts.set(parts.indexOf(running), new Recorded(running.id(), conferenceId, running.startedBy(), running.excluded(),
                running.reason(), running.familyText(), chair));
    }

    /** Who a private part is recorded as ended by when the server ended it (no chair was left). */
    static final Caller THE_SERVER = Caller.staff(new UUID(0, 0), "the server", new UUID(0, 0), Set.of());

    @Override
    public void endPrivatePartWithoutAChair(UUID conferenceId) {
        if (privatePartRunning(conferenceId)) {
            endPrivatePart(THE_SERVER, conferenceId);
        }
    }

    @Override
    public boolean privatePartRunning(UUID conferenceId) {
        return parts.stream().anyMatch(p -> p.conferenceId().equals(conferenceId) && p.endedBy() == null);
    }
}
