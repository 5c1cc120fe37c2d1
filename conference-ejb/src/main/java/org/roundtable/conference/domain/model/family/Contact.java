package org.roundtable.conference.domain.model.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.shared.domain.ContactKind;

/** One contact an agency had with the family: a visit, a call, an assessment. */
@Entity
public class Contact {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recorded_by_id")
    private StaffMember recordedBy;

    @Column(name = "happened_on", nullable = false)
    private LocalDate happenedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactKind kind;

    @Column(nullable = false)
    private String summary;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(Family family, StaffMember recordedBy, LocalDate happenedOn, ContactKind kind, String summary) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.agency = recordedBy.agency();
        correct(happenedOn, kind, summary);
    }

    public void correct(LocalDate happenedOn, ContactKind kind, String summary) {
        this.happenedOn = Objects.requireNonNull(happenedOn);
        this.kind = Objects.requireNonNull(kind);
        this.summary = Objects.requireNonNull(summary);
    }

    public UUID id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public Agency agency() {
        return agency;
    }

    public StaffMember recordedBy() {
        return recordedBy;
    }

    public LocalDate happenedOn() {
        return happenedOn;
    }

    public ContactKind kind() {
        return kind;
    }

    public String summary() {
        return summary;
    }
}
