package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;

/**
 * A short code sent by email that signs a family member or advocate in. It expires within
 * minutes, works once, a few wrong guesses use it up, and asking for a new code cancels it.
 */
@Entity
public class OneTimeCode {

    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_kind", nullable = false, updatable = false)
    private CallerKind callerKind;

    @Column(name = "caller_id", nullable = false, updatable = false)
    private UUID callerId;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected OneTimeCode() {
    }

    public OneTimeCode(CallerKind callerKind, UUID callerId, String codeHash, Instant now) {
        this(UUID.randomUUID(), callerKind, callerId, codeHash, now);
    }

    /** A code answering a challenge whose id the person already holds (see CodeRequest). */
    public OneTimeCode(UUID id, CallerKind callerKind, UUID callerId, String codeHash, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.callerKind = Objects.requireNonNull(callerKind);
        this.callerId = Objects.requireNonNull(callerId);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.createdAt = now;
        this.expiresAt = now.plus(VALID_FOR);
    }

    /**
     * The outcome of one attempt to use a code. Only WRONG is a guess that was checked (and
     * counts against the person); the others were refused without looking at the code.
     */
    public enum Outcome { ACCEPTED, WRONG, EXPIRED, USED_UP }

    public Outcome attempt(String offeredHash, Instant now) {
        if (usedAt != null || cancelledAt != null || attempts >= MAX_ATTEMPTS) {
            return Outcome.USED_UP;
        }
        if (!now.isBefore(expiresAt)) {
            return Outcome.EXPIRED;
        }
        attempts++;
        // Compared in constant time, so how long a refusal takes says nothing about the code.
        if (!MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII), offeredHash.getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.WRONG;
        }
        usedAt = now;
        return Outcome.ACCEPTED;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public UUID id() {
        return id;
    }

    public CallerKind callerKind() {
        return callerKind;
    }

    public UUID callerId() {
        return callerId;
    }
}
