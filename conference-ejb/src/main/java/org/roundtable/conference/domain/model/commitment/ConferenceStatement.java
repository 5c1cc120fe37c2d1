package org.roundtable.conference.domain.model.commitment;

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
import org.roundtable.shared.domain.Stance;

/** The family's view of the plan (agreement, or disagreement in its own words), or a professional's dissent. */
@Entity
@Table(name = "conference_statement")
public class ConferenceStatement {

    @Id
    private UUID id;

    @Column(name = "conference_id", nullable = false)
    private UUID conferenceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stance stance;

    private String words;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false)
    private CallerKind authorKind;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "agency_name")
    private String agencyName;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ConferenceStatement() {
    }

    public ConferenceStatement(UUID conferenceId, Stance stance, String words, Caller author, String agencyName, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.conferenceId = Objects.requireNonNull(conferenceId);
        this.stance = Objects.requireNonNull(stance);
        this.words = words;
        this.authorKind = author.kind();
        this.authorId = author.id();
        this.authorName = author.displayName();
        this.agencyName = agencyName;
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    public UUID id() {
        return id;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    public Stance stance() {
        return stance;
    }

    public String words() {
        return words;
    }

    public CallerKind authorKind() {
        return authorKind;
    }

    public String authorName() {
        return authorName;
    }

    public String agencyName() {
        return agencyName;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
