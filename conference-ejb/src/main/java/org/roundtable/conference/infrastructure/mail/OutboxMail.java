package org.roundtable.conference.infrastructure.mail;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One email waiting to go out. It is written in the transaction that decided to send it, so it
 * goes if and only if that change commits; a failed attempt waits twice as long as the one
 * before (up to an hour) and is tried again. Once sent, the row is deleted (bodies can hold codes).
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "queued_at", nullable = false, updatable = false)
    private Instant queuedAt;

    /** After this it is no use any more (a sign-in code that has expired): it is dropped, not sent. */
    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    // Read with the email: delivery works on a copy after the claiming transaction has ended.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "outbox_mail_attachment", joinColumns = @JoinColumn(name = "mail_id"))
    @OrderColumn(name = "position")
    private List<OutboxAttachment> attachments = new ArrayList<>();

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String body, Instant now, Instant expiresAt) {
        this(recipient, subject, body, now, expiresAt, List.of());
    }

    public OutboxMail(String recipient, String subject, String body, Instant now, Instant expiresAt,
            List<MailSender.Attachment> attachments) {
        this.id = UUID.randomUUID();
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = Objects.requireNonNull(subject);
        this.body = Objects.requireNonNull(body);
        this.queuedAt = now;
        this.expiresAt = expiresAt;
        this.nextAttemptAt = now;
        attachments.forEach(a -> this.attachments.add(new OutboxAttachment(a)));
    }

    /** The wait before the attempt after this many failures: first, doubling, at most an hour. */
    static Duration waitAfter(int failures, Duration first) {
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    public UUID id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public MailSender.Attachment[] attachments() {
        return attachments.stream().map(OutboxAttachment::toAttachment).toArray(MailSender.Attachment[]::new);
    }

    public int attempts() {
        return attempts;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
