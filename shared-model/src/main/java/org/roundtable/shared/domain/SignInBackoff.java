package org.roundtable.shared.domain;

import java.time.Duration;

/**
 * How long an account is locked after repeated wrong passwords. The first few mistakes are free
 * (people mistype); after that each further failure doubles the wait, up to a ceiling, which
 * makes online guessing useless without locking a person out for a whole day.
 */
public final class SignInBackoff {

    public static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    private static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private SignInBackoff() {
    }

    /** The lock to apply after this many consecutive failures; zero while attempts are still free. */
    public static Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - FREE_ATTEMPTS, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
