package org.roundtable.conference.domain.model.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agency's report for a conference, as a PDF. Its content is read only when downloaded
 * (ReportStore), never with the list. The family reads it once the agency has shared it.
 */
@Entity
@Table(name = "conference_report")
public class ConferenceReport {

    @Id
    private UUID id;

    @Column(name = "conference_id", nullable = false)
    private UUID conferenceId;

    @Column(name = "agency_id", nullable = false)
    private UUID agencyId;

    @Column(name = "uploaded_by_name", nullable = false)
    private String uploadedByName;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "shared_at")
    private Instant sharedAt;

    protected ConferenceReport() {
    }

    public ConferenceReport(UUID id, UUID conferenceId, UUID agencyId, String uploadedByName, String fileName, long sizeBytes,
            String sha256, Instant uploadedAt) {
        this.id = Objects.requireNonNull(id);
        this.conferenceId = conferenceId;
        this.agencyId = agencyId;
        this.uploadedByName = uploadedByName;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
    }

    public void share(Instant at) {
        if (sharedAt == null) {
            sharedAt = at;
        }
    }

    public boolean isShared() {
        return sharedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    public UUID agencyId() {
        return agencyId;
    }

    public String uploadedByName() {
        return uploadedByName;
    }

    public String fileName() {
        return fileName;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public Instant sharedAt() {
        return sharedAt;
    }
}
