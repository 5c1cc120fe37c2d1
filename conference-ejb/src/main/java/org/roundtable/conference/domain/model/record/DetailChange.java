package org.roundtable.conference.domain.model.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.record.DetailField;

/** One change to the family's details: which field, from what to what, by whom, when. Never changed. */
@Entity
@Table(name = "detail_change")
public class DetailChange {

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "member_id")
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DetailField field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "changed_by_kind", nullable = false)
    private CallerKind changedByKind;

    @Column(name = "changed_by_id", nullable = false)
    private UUID changedById;

    @Column(name = "changed_by_name", nullable = false)
    private String changedByName;

    @Column(name = "proposal_id")
    private UUID proposalId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected DetailChange() {
    }

    public DetailChange(UUID familyId, UUID memberId, DetailField field, String oldValue, String newValue, Caller by,
            UUID proposalId, Instant at) {
        this.id = UUID.randomUUID();
        this.familyId = Objects.requireNonNull(familyId);
        this.memberId = memberId;
        this.field = Objects.requireNonNull(field);
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.changedByKind = by.kind();
        this.changedById = by.id();
        this.changedByName = by.displayName();
        this.proposalId = proposalId;
        this.changedAt = Objects.requireNonNull(at);
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public DetailField field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public String changedByName() {
        return changedByName;
    }

    public CallerKind changedByKind() {
        return changedByKind;
    }

    public UUID proposalId() {
        return proposalId;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
