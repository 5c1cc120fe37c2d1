package org.roundtable.conference.domain.model.room;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;

/**
 * A part of a conference held without some participants (for example the family, while
 * third-party information is discussed). Who, when and why are recorded; those excluded are
 * told that it is running and never what is said.
 */
@Entity
public class PrivatePart {

    public static final String DEFAULT_FAMILY_TEXT =
            "The professionals talked without you for part of the meeting. You can ask the chair about it.";

    @Id
    private UUID id;

    @Column(name = "conference_id", nullable = false, updatable = false)
    private UUID conferenceId;

    @Column(name = "started_by_id", nullable = false, updatable = false)
    private UUID startedById;

    @Column(nullable = false, updatable = false)
    private String reason;

    /** All the family is told about it; the reason stays with the professionals present. */
    @Column(name = "family_text", updatable = false)
    private String familyText;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "private_part_exclusion", joinColumns = @JoinColumn(name = "private_part_id"))
    @Column(name = "invitee_id")
    private Set<UUID> excludedInvitees = new HashSet<>();

    protected PrivatePart() {
    }

    public PrivatePart(UUID conferenceId, UUID startedById, Set<UUID> excludedInvitees, String reason, String familyText, Instant now) {
        if (excludedInvitees.isEmpty()) {
            throw new DomainRuleViolation("Say who is excluded from the private part.");
        }
        this.id = UUID.randomUUID();
        this.conferenceId = Objects.requireNonNull(conferenceId);
        this.startedById = Objects.requireNonNull(startedById);
        this.excludedInvitees = new HashSet<>(excludedInvitees);
        this.reason = Objects.requireNonNull(reason);
        this.familyText = familyText == null || familyText.isBlank() ? DEFAULT_FAMILY_TEXT : familyText.strip();
        this.startedAt = now;
    }

    public void end(Instant now) {
        if (endedAt != null) {
            throw new DomainRuleViolation("This private part has already ended.");
        }
        endedAt = now;
    }

    public boolean excludes(UUID inviteeId) {
        return excludedInvitees.contains(inviteeId);
    }

    public UUID id() {
        return id;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    public String reason() {
        return reason;
    }

    /** What the family is told (older parts, from before the family had its own text, get the default). */
    public String familyText() {
        return familyText == null ? DEFAULT_FAMILY_TEXT : familyText;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Set<UUID> excludedInvitees() {
        return Set.copyOf(excludedInvitees);
    }
}
