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
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.shared.record.DetailField;

/** A correction a member of staff proposes to the family's details; the family accepts or declines it. */
@Entity
@Table(name = "detail_proposal")
public class DetailProposal {

    public enum Status { PENDING, ACCEPTED, DECLINED }

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DetailField field;

    @Column(name = "proposed_value")
    private String proposedValue;

    @Column(nullable = false)
    private String reason;

    @Column(name = "proposed_by_id", nullable = false)
    private UUID proposedById;

    @Column(name = "proposed_by_name", nullable = false)
    private String proposedByName;

    @Column(name = "agency_name", nullable = false)
    private String agencyName;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected DetailProposal() {
    }

    public DetailProposal(UUID familyId, UUID memberId, DetailField field, String proposedValue, String reason,
            UUID proposedById, String proposedByName, String agencyName, Instant at) {
        this.id = UUID.randomUUID();
        this.familyId = Objects.requireNonNull(familyId);
        this.memberId = Objects.requireNonNull(memberId);
        this.field = Objects.requireNonNull(field);
        this.proposedValue = proposedValue;
        this.reason = Objects.requireNonNull(reason);
        this.proposedById = proposedById;
        this.proposedByName = proposedByName;
        this.agencyName = agencyName;
        this.proposedAt = at;
        this.status = Status.PENDING;
    }

    public void decide(boolean accept, String by, Instant at) {
        if (status != Status.PENDING) {
            throw new DomainRuleViolation("This suggestion has already been " + status.name().toLowerCase() + ".");
        }
        this.status = accept ? Status.ACCEPTED : Status.DECLINED;
        this.decidedByName = by;
        this.decidedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID familyId() {
        return familyId;
    }

    public UUID memberId() {
        return memberId;
    }

    public DetailField field() {
        return field;
    }

    public String proposedValue() {
        return proposedValue;
    }

    public String reason() {
        return reason;
    }

    public String proposedByName() {
        return proposedByName;
    }

    public String agencyName() {
        return agencyName;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Status status() {
        return status;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
