package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The link emailed to a member of staff when wrong passwords lock their username from some
 * address: following it lifts every lock on that username, so whoever keeps guessing cannot
 * keep the real person out. It works once, for a day.
 */
@Entity
@Table(name = "unlock_link")
public class UnlockLink {

    public static final Duration VALID_FOR = Duration.ofDays(1);

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected UnlockLink() {
    }

    public UnlockLink(String tokenHash, String username, Instant now) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.username = Objects.requireNonNull(username);
        this.createdAt = now;
        this.expiresAt = now.plus(VALID_FOR);
    }

    /** Uses the link up; false when it was used already or has expired. */
    public boolean use(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public String username() {
        return username;
    }
}
