package org.roundtable.conference.interfaces.live;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * How much signalling one connection may send to each other connection: a browser sends a few
 * ICE candidates and one offer or answer per negotiation; a flood of them is refused (the
 * connection's own rate limit still applies to every message on top of this).
 */
final class SignalAllowance {

    static final long WINDOW_NANOS = 10_000_000_000L;
    /** ICE candidates to one peer within 10 s. */
    static final int CANDIDATES = 50;
    /** Offers, answers and hangups to one peer within 10 s. */
    static final int DESCRIPTIONS = 20;

    private final Map<String, ArrayDeque<Long>> candidates = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> descriptions = new HashMap<>();

    /** Takes one from the allowance for this peer; false: over it, refuse the message. */
    synchronized boolean take(String peer, boolean candidate) {
        var sent = (candidate ? candidates : descriptions).computeIfAbsent(peer, p -> new ArrayDeque<>());
        long now = System.nanoTime();
        while (!sent.isEmpty() && now - sent.peekFirst() > WINDOW_NANOS) {
            sent.pollFirst();
        }
        if (sent.size() >= (candidate ? CANDIDATES : DESCRIPTIONS)) {
            return false;
        }
        sent.addLast(now);
        return true;
    }

    /** A peer that left needs no allowance kept. */
    synchronized void forget(String peer) {
        candidates.remove(peer);
        descriptions.remove(peer);
    }
}
