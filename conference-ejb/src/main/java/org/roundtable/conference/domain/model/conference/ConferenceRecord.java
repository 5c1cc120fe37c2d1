package org.roundtable.conference.domain.model.conference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The frozen record of a closed conference: written once when the chair closes it and never
 * changed. The plan lives on for follow-up; this keeps what it was when the conference ended.
 */
@Entity
@Table(name = "conference_record")
public class ConferenceRecord {

    @Id
    @Column(name = "conference_id")
    private UUID conferenceId;

    @Column(name = "closed_at", nullable = false, updatable = false)
    private Instant closedAt;

    @Column(name = "closed_by_name", nullable = false, updatable = false)
    private String closedByName;

    @Column(name = "plan_revision", nullable = false, updatable = false)
    private long planRevision;

    /** The record as JSON (see ConferenceRecordView). */
    @Column(nullable = false, updatable = false)
    private String record;

    protected ConferenceRecord() {
    }

    public ConferenceRecord(UUID conferenceId, Instant closedAt, String closedByName, long planRevision, String record) {
        this.conferenceId = Objects.requireNonNull(conferenceId);
        this.closedAt = Objects.requireNonNull(closedAt);
        this.closedByName = Objects.requireNonNull(closedByName);
        this.planRevision = planRevision;
        this.record = Objects.requireNonNull(record);
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    public String json() {
        return record;
    }
}
