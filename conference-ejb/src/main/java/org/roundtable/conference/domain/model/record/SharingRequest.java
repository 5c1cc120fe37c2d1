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

/**
 * A worker asks the family before seeing one kind of its information: what, why, for how many
 * days. The family answers once, yes or no, before the answer-by date. A yes shares that kind
 * with the worker's agency for the days asked, counted from the day of the answer; a no is final
 * for this request.
 */
@Entity
@Table(name = "sharing_request")
public class SharingRequest {

    /** How long the family has to answer before the request lapses unanswered. */
    public static final int DAYS_TO_ANSWER = 14;

    /** Where a request stands, as the family and the worker read it. */
    public enum Status { WAITING, YES, NO, EXPIRED }

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "agency_id", nullable = false)
    private UUID agencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InformationKind kind;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private int days;

    @Column(name = "requested_by_id", nullable = false)
    private UUID requestedById;

    @Column(name = "requested_by_name", nullable = false)
    private String requestedByName;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "answer_by", nullable = false)
    private LocalDate answerBy;

    @Enumerated(EnumType.STRING)
    private Status answer;

    @Column(name = "answered_by_name")
    private String answeredByName;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "shared_until")
    private LocalDate sharedUntil;

    protected SharingRequest() {
    }

    public SharingRequest(UUID familyId, UUID agencyId, InformationKind kind, String reason, int days, UUID requestedById,
            String requestedByName, Instant at, LocalDate today) {
        this.id = UUID.randomUUID();
        this.familyId = Objects.requireNonNull(familyId);
        this.agencyId = Objects.requireNonNull(agencyId);
        this.kind = Objects.requireNonNull(kind);
        this.reason = Objects.requireNonNull(reason);
        this.days = days;
        this.requestedById = Objects.requireNonNull(requestedById);
        this.requestedByName = Objects.requireNonNull(requestedByName);
        this.requestedAt = Objects.requireNonNull(at);
        this.answerBy = today.plusDays(DAYS_TO_ANSWER);
    }

    /** The family's one answer. Refused once answered, and after the answer-by date. */
    public void answer(boolean share, String byName, Instant at, LocalDate today) {
        switch (statusOn(today)) {
            case YES, NO -> throw new DomainRuleViolation("This request has already been answered.");
            case EXPIRED -> throw new DomainRuleViolation("This request has ended because it was not answered in time. The worker can ask again.");
            case WAITING -> {
                this.answer = share ? Status.YES : Status.NO;
                this.answeredByName = byName;
                this.answeredAt = at;
                this.sharedUntil = share ? today.plusDays(days) : null;
            }
        }
    }

    public Status statusOn(LocalDate today) {
        if (answer != null) {
            return answer;
        }
        return today.isAfter(answerBy) ? Status.EXPIRED : Status.WAITING;
    }

    /** Whether a yes to this request shares the kind today (from the answer until the day before sharedUntil). */
    public boolean sharesOn(LocalDate today) {
        return answer == Status.YES && today.isBefore(sharedUntil);
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

    public String reason() {
        return reason;
    }

    public int days() {
        return days;
    }

    public UUID requestedById() {
        return requestedById;
    }

    public String requestedByName() {
        return requestedByName;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public LocalDate answerBy() {
        return answerBy;
    }

    public String answeredByName() {
        return answeredByName;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public LocalDate sharedUntil() {
        return sharedUntil;
    }
}
