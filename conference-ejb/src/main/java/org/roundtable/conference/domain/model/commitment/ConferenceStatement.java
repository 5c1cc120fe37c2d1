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

    /** The family member an advocate wrote these views for (null: the author's own). */
    @Column(name = "for_member_id")
    private UUID forMemberId;

    @Column(name = "for_member_name")
    private String forMemberName;

    /** Withdrawn (by the member it speaks for, or its author): kept, but no longer in the record. */
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by_name")
    private String withdrawnByName;

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

    /** An advocate writes these views on behalf of a named family member. */
    public void writtenFor(UUID memberId, String memberName) {
        this.forMemberId = Objects.requireNonNull(memberId);
        this.forMemberName = Objects.requireNonNull(memberName);
    }

    /** Who wrote it, when someone wrote it for another: "Dee Walker, advocate, for Jess Taylor"; null for one's own words. */
    public String writtenBy() {
        return forMemberName == null ? null : authorName + ", advocate, for " + forMemberName;
    }

    /** Whose views these are: the member written for, else the author. */
    public String speakerName() {
        return forMemberName == null ? authorName : forMemberName;
    }

    /** The member it speaks for, or its author, may withdraw it. */
    public boolean mayBeWithdrawnBy(Caller caller) {
        return caller.id().equals(authorId) || caller.id().equals(forMemberId);
    }

    public void withdraw(String byName, Instant at) {
        this.withdrawnAt = Objects.requireNonNull(at);
        this.withdrawnByName = byName;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public UUID forMemberId() {
        return forMemberId;
    }

    public String forMemberName() {
        return forMemberName;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnByName() {
        return withdrawnByName;
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
