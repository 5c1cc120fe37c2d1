package org.roundtable.conference.application;

import java.time.Duration;

/** Sign-in is paused for this account after repeated failures. */
public class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Too many wrong attempts. Please wait " + Math.max(1, (retryAfter.toSeconds() + 59) / 60)
                + " minute(s) and try again.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
