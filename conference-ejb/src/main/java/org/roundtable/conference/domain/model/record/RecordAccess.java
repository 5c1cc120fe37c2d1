package org.roundtable.conference.domain.model.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member of staff read part of a family's record: who, from which agency, what, when, and why if they said. */
@Entity
@Table(name = "record_access")
public class RecordAccess {

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "staff_id", nullable = false)
    private UUID staffId;

    @Column(name = "staff_name", nullable = false)
    private String staffName;

    @Column(name = "agency_name", nullable = false)
    private String agencyName;

    @Column(nullable = false)
    private String what;

    private String purpose;

    @Column(name = "accessed_at", nullable = false)
    private Instant accessedAt;

    protected RecordAccess() {
    }

    public RecordAccess(UUID familyId, UUID staffId, String staffName, String agencyName, String what, String purpose, Instant at) {
        this.id = UUID.randomUUID();
        this.familyId = Objects.requireNonNull(familyId);
        this.staffId = Objects.requireNonNull(staffId);
        this.staffName = staffName;
        this.agencyName = agencyName;
        this.what = what;
        this.purpose = purpose;
        this.accessedAt = at;
    }

    public UUID staffId() {
        return staffId;
    }

    public String staffName() {
        return staffName;
    }

    public String agencyName() {
        return agencyName;
    }

    public String what() {
        return what;
    }

    public String purpose() {
        return purpose;
    }

    public Instant accessedAt() {
        return accessedAt;
    }
}
