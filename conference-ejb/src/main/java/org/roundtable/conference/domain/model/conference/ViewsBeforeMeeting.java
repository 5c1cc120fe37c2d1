package org.roundtable.conference.domain.model.conference;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;

/**
 * What an invited person sends before the meeting, in their own words or as a file: it goes to
 * the chair and into the conference's record, so someone who cannot (or would rather not) speak
 * in the meeting is still heard.
 */
@Entity
@Table(name = "views_before_meeting")
public class ViewsBeforeMeeting {

    public static final int MAX_FILE_BYTES = 40 * 1024;

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invitee_id")
    private Invitee invitee;

    private String words;

    @Column(name = "file_name")
    private String fileName;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "file_content")
    private byte[] fileContent;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected ViewsBeforeMeeting() {
    }

    public ViewsBeforeMeeting(Invitee invitee, String words, String fileName, byte[] fileContent, Instant now) {
        invitee.conference().requireNotClosed();
        invitee.conference().requireNotCancelled();
        if ((words == null || words.isBlank()) && fileContent == null) {
            throw new DomainRuleViolation("Write your views or choose a file.");
        }
        this.id = UUID.randomUUID();
        this.invitee = Objects.requireNonNull(invitee);
        this.words = words == null || words.isBlank() ? null : words.strip();
        this.fileName = fileContent == null ? null : Objects.requireNonNull(fileName);
        this.fileContent = fileContent;
        this.sentAt = now;
    }

    public UUID id() {
        return id;
    }

    public Invitee invitee() {
        return invitee;
    }

    public String words() {
        return words;
    }

    public String fileName() {
        return fileName;
    }

    public byte[] fileContent() {
        return fileContent;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
