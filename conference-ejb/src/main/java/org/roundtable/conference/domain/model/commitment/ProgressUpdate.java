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
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.CallerKind;

/** What an action's owner reports after the conference: where it stands now, in their words. */
@Entity
@Table(name = "progress_update")
public class ProgressUpdate {

    @Id
    private UUID id;

    @Column(name = "action_id", nullable = false)
    private UUID actionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false)
    private CallerKind authorKind;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status;

    @Column(nullable = false)
    private String note;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected ProgressUpdate() {
    }

    public ProgressUpdate(UUID actionId, Caller author, ActionStatus status, String note, Instant postedAt) {
        this.id = UUID.randomUUID();
        this.actionId = Objects.requireNonNull(actionId);
        this.authorKind = author.kind();
        this.authorId = author.id();
        this.authorName = author.displayName();
        this.status = Objects.requireNonNull(status);
        this.note = Objects.requireNonNull(note);
        this.postedAt = Objects.requireNonNull(postedAt);
    }

    public UUID id() {
        return id;
    }

    public UUID actionId() {
        return actionId;
    }

    public String authorName() {
        return authorName;
    }

    public ActionStatus status() {
        return status;
    }

    public String note() {
        return note;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
