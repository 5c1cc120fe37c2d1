package org.roundtable.conference.domain.model.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;

/**
 * An agency working with a family, for a period, with a named lead practitioner. Staff of the
 * agency see the family only while the involvement lasts.
 */
@Entity
public class Involvement {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_practitioner_id")
    private StaffMember leadPractitioner;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    /** When it was recorded, which no later change moves (unlike the dates, which staff may correct). */
    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected Involvement() {
    }

    public Involvement(Family family, Agency agency, StaffMember leadPractitioner, Period period) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
        this.agency = Objects.requireNonNull(agency);
        this.recordedAt = Instant.now();
        change(leadPractitioner, period);
    }

    public void change(StaffMember leadPractitioner, Period period) {
        if (!leadPractitioner.agency().id().equals(agency.id())) {
            throw new DomainRuleViolation(
                    "The lead practitioner must work for " + agency.name() + ".");
        }
        this.leadPractitioner = leadPractitioner;
        this.startsOn = period.startsOn();
        this.endsOn = period.endsOn();
    }

    public boolean isActiveOn(LocalDate day) {
        return period().includes(day);
    }

    public Period period() {
        return new Period(startsOn, endsOn);
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

    public StaffMember leadPractitioner() {
        return leadPractitioner;
    }
}
