package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Failures counted against one thing that can be guessed at (a username from one source
 * address, or a person's one-time codes), and the lock-out they have earned. A success starts
 * the count again.
 */
@Entity
@Table(name = "sign_in_guard")
public class SignInGuard {

    /** Failures this old are forgotten: a typo a month ago is no reason to lock anyone out. */
    public static final Duration FORGET_AFTER = Duration.ofDays(1);

    @Id
    @Column(name = "guard_key")
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SignInGuard() {
    }

    public SignInGuard(String key, Instant now) {
        this.key = Objects.requireNonNull(key);
        this.updatedAt = now;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one failure; the policy says how long a lock this many failures earn (zero: none).
     * Returns whether this failure started a lock.
     */
    public boolean recordFailure(Instant now, IntFunction<Duration> lockAfter) {
        if (now.isAfter(updatedAt.plus(FORGET_AFTER))) {
            failures = 0;
        }
        failures++;
        updatedAt = now;
        Duration lock = lockAfter.apply(failures);
        if (lock.isZero()) {
            return false;
        }
        lockedUntil = now.plus(lock);
        return true;
    }

    public void recordSuccess(Instant now) {
        failures = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    public int failures() {
        return failures;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
