package org.roundtable.conference.interfaces.live;

/**
 * Messages per connection: a steady rate with some burst is fine (typing sends a few a second);
 * beyond it a message is refused with an error; far beyond it is a flood and ends the connection.
 */
final class RateLimit {

    static final double PER_SECOND = 30;
    static final double BURST = 60;
    /** A client this far over its allowance within a second is not a person typing. */
    static final int FLOOD = 200;

    enum Verdict { OK, REFUSE, FLOOD }

    private double tokens = BURST;
    private long last = System.nanoTime();
    private long windowStart = last;
    private int inWindow;

    synchronized Verdict take() {
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (now - last) / 1e9 * PER_SECOND);
        last = now;
        if (now - windowStart > 1_000_000_000L) {
            windowStart = now;
            inWindow = 0;
        }
        inWindow++;
        if (inWindow > FLOOD) {
            return Verdict.FLOOD;
        }
        if (tokens < 1) {
            return Verdict.REFUSE;
        }
        tokens -= 1;
        return Verdict.OK;
    }
}
