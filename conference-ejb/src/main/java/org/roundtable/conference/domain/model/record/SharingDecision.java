package org.roundtable.conference.domain.model.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.LawfulBasis;

/**
 * A professional's decision to share against the family's preference: what, with which agency,
 * on what lawful basis, why, by whom, when. It goes in the family's sharing ledger, which the
 * family reads, unless the chair has recorded that telling the family now would put someone at
 * risk; that restriction lasts until its review date, when it shows or is renewed.
 * <p>
 * The override itself has an end too: it is in force until its own review date, when it lapses
 * unless a worker renews it with a new reason (a new entry, pointing back from this one).
 */
@Entity
@Table(name = "sharing_decision")
public class SharingDecision {

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "agency_id", nullable = false)
    private UUID agencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InformationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis", nullable = false)
    private LawfulBasis lawfulBasis;

    @Column(nullable = false)
    private String reason;

    @Column(name = "decided_by_id", nullable = false)
    private UUID decidedById;

    @Column(name = "decided_by_name", nullable = false)
    private String decidedByName;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "restriction_reason")
    private String restrictionReason;

    @Column(name = "restriction_review_on")
    private LocalDate restrictionReviewOn;

    @Column(name = "restricted_by_name")
    private String restrictedByName;

    @Column(name = "review_on", nullable = false)
    private LocalDate reviewOn;

    @Column(name = "renewed_by_id")
    private UUID renewedById;

    @Column(name = "lapse_told_at")
    private Instant lapseToldAt;

    protected SharingDecision() {
    }

    public SharingDecision(UUID familyId, UUID agencyId, InformationKind kind, LawfulBasis lawfulBasis, String reason,
            UUID decidedById, String decidedByName, Instant at, LocalDate reviewOn) {
        this.id = UUID.randomUUID();
        this.familyId = Objects.requireNonNull(familyId);
        this.agencyId = Objects.requireNonNull(agencyId);
        this.kind = Objects.requireNonNull(kind);
        this.lawfulBasis = Objects.requireNonNull(lawfulBasis);
        this.reason = Objects.requireNonNull(reason);
        this.decidedById = decidedById;
        this.decidedByName = decidedByName;
        this.decidedAt = at;
        this.reviewOn = Objects.requireNonNull(reviewOn);
    }

    /** In force from when it was made until the day before its review date. */
    public boolean inForceOn(LocalDate today) {
        return today.isBefore(reviewOn);
    }

    /** A worker carries it on with a new entry; an entry is carried on once. */
    public void renewedBy(SharingDecision renewal) {
        if (renewedById != null) {
            throw new DomainRuleViolation("This override has already been renewed. Renew the newer entry instead.");
        }
        this.renewedById = renewal.id();
    }

    /** The worker who made it has been told it lapsed (once, by the daily run). */
    public void lapseTold(Instant at) {
        this.lapseToldAt = at;
    }

    public LocalDate reviewOn() {
        return reviewOn;
    }

    public UUID renewedById() {
        return renewedById;
    }

    public UUID decidedById() {
        return decidedById;
    }

    /** Withholds this entry from the family until the review date (a renewal replaces reason and date). */
    public void restrict(String reason, LocalDate reviewOn, String chairName) {
        this.restrictionReason = Objects.requireNonNull(reason);
        this.restrictionReviewOn = Objects.requireNonNull(reviewOn);
        this.restrictedByName = chairName;
    }

    /** Whether the family may see this entry today. */
    public boolean visibleToFamilyOn(LocalDate today) {
        return restrictionReviewOn == null || !today.isBefore(restrictionReviewOn);
    }

    public UUID id() {
        return id;
    }

    public UUID familyId() {
        return familyId;
    }

    public UUID agencyId() {
        return agencyId;
    }

    public InformationKind kind() {
        return kind;
    }

    public LawfulBasis lawfulBasis() {
        return lawfulBasis;
    }

    public String reason() {
        return reason;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String restrictionReason() {
        return restrictionReason;
    }

    public LocalDate restrictionReviewOn() {
        return restrictionReviewOn;
    }

    public String restrictedByName() {
        return restrictedByName;
    }
}
