package org.roundtable.conference.domain.model.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;

/** A comment on a goal or action, made in a conference (or outside one). */
@Entity
public class PlanComment {

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;

    @Column(name = "conference_id", updatable = false)
    private UUID conferenceId;

    @Column(name = "node_id", nullable = false, updatable = false)
    private UUID nodeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false, updatable = false)
    private CallerKind authorKind;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    /** Set when made during a private part: only those present may read it. */
    @Column(name = "private_part_id", updatable = false)
    private UUID privatePartId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PlanComment() {
    }

    public PlanComment(UUID familyId, UUID conferenceId, UUID nodeId, CallerKind authorKind, UUID authorId,
            String authorName, String body, UUID privatePartId, Instant now) {
        this.id = UUID.randomUUID();
        this.familyId = Objects.requireNonNull(familyId);
        this.conferenceId = conferenceId;
        this.nodeId = Objects.requireNonNull(nodeId);
        this.authorKind = Objects.requireNonNull(authorKind);
        this.authorId = Objects.requireNonNull(authorId);
        this.authorName = Objects.requireNonNull(authorName);
        this.body = Objects.requireNonNull(body);
        this.privatePartId = privatePartId;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID nodeId() {
        return nodeId;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public UUID privatePartId() {
        return privatePartId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
