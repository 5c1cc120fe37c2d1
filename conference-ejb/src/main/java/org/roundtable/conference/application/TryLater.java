package org.roundtable.conference.application;

import java.time.Duration;

/**
 * Too much is under way at once, or too much was done lately: nothing was done, and the same
 * request may succeed after {@link #retryAfter()}. {@link #serverWide()} says whether the limit
 * is the whole server's (everyone waits) or the caller's own (only they do).
 */
public class TryLater extends RuntimeException {

    private final Duration retryAfter;
    private final boolean serverWide;

    public TryLater(String message, Duration retryAfter, boolean serverWide) {
        super(message);
        this.retryAfter = retryAfter;
        this.serverWide = serverWide;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean serverWide() {
        return serverWide;
    }
}
