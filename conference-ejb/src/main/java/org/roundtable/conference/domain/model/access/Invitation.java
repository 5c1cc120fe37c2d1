package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.conference.Invitee;

/**
 * An emailed link that lets a family member or advocate in without a password. It works once
 * and expires; following it only sends a one-time code to the same address, so a forwarded or
 * leaked link alone is not enough to sign in.
 */
@Entity
public class Invitation {

    public static final Duration VALID_FOR = Duration.ofDays(7);

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invitee_id")
    private Invitee invitee;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected Invitation() {
    }

    public Invitation(Invitee invitee, String email, String tokenHash, Instant now) {
        this.id = UUID.randomUUID();
        this.invitee = Objects.requireNonNull(invitee);
        this.email = Objects.requireNonNull(email);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = now;
        this.expiresAt = now.plus(VALID_FOR);
    }

    public void redeem(Instant now) {
        if (usedAt != null) {
            throw new DomainRuleViolation("This invitation link has already been used. Ask for a new sign-in code instead.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainRuleViolation("This invitation link has expired. Ask the chair to send a new one.");
        }
        usedAt = now;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public Invitee invitee() {
        return invitee;
    }

    public String email() {
        return email;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
