package org.roundtable.conference.domain.model.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** An advocate assigned to a family for a period. */
@Entity
public class AdvocateAssignment {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "advocate_id")
    private Advocate advocate;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    protected AdvocateAssignment() {
    }

    public AdvocateAssignment(Family family, Advocate advocate, Period period) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
        this.advocate = Objects.requireNonNull(advocate);
        this.startsOn = period.startsOn();
        this.endsOn = period.endsOn();
    }

    public boolean isActiveOn(LocalDate day) {
        return new Period(startsOn, endsOn).includes(day);
    }

    public UUID id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public Advocate advocate() {
        return advocate;
    }

    public Period period() {
        return new Period(startsOn, endsOn);
    }
}
