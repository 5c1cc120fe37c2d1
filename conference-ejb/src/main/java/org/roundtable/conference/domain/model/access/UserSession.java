package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;

/**
 * A signed-in session, held on the server so that signing out ends it everywhere it is used:
 * every tab, and every live connection opened with it. Only a hash of the token is stored.
 */
@Entity
public class UserSession {

    /** A session unused for this long ends, so a forgotten shared computer does not stay signed in. */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(2);
    /** However active, a session ends after a working day. */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** Last-seen is only written when it moved by this much, to keep reads cheap. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    @Id
    private UUID id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "csrf_token", nullable = false, updatable = false)
    private String csrfToken;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_kind", nullable = false, updatable = false)
    private CallerKind callerKind;

    @Column(name = "caller_id", nullable = false, updatable = false)
    private UUID callerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected UserSession() {
    }

    public UserSession(String tokenHash, String csrfToken, CallerKind callerKind, UUID callerId, Instant now) {
        this.id = UUID.randomUUID();
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.csrfToken = Objects.requireNonNull(csrfToken);
        this.callerKind = Objects.requireNonNull(callerKind);
        this.callerId = Objects.requireNonNull(callerId);
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(ABSOLUTE_TIMEOUT);
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(IDLE_TIMEOUT));
    }

    /** Records use; returns whether anything changed that needs writing. */
    public boolean touch(Instant now) {
        if (Duration.between(lastSeenAt, now).compareTo(TOUCH_GRANULARITY) < 0) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public CallerKind callerKind() {
        return callerKind;
    }

    public UUID callerId() {
        return callerId;
    }
}
