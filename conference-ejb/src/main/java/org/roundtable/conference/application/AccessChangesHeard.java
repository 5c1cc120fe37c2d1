package org.roundtable.conference.application;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which changes of access this node has acted on (made here, or told of by another node's signal,
 * by the number the change was written under in access_change), and whether the database shows
 * one it never heard of: its signal was lost (the sending node hung, the cluster split for a
 * moment, a queue full). A change is judged only at the check after the one that first saw it, so
 * that its signal, sent as it committed, has had a whole interval to arrive.
 */
final class AccessChangesHeard {

    /** Numbers heard or judged, oldest first, kept as long as the checks look back (and a bound). */
    private final Map<Long, Long> heard = new LinkedHashMap<>();
    /** Numbers the previous check saw that no signal had told of yet. */
    private Set<Long> unheardAtLastCheck = new HashSet<>();
    private boolean started;
    private final long keepMillis;
    private final int most;

    /** Numbers are kept this long (longer than the checks look back), and at most this many. */
    AccessChangesHeard(long keepMillis, int most) {
        this.keepMillis = keepMillis;
        this.most = most;
    }

    /** Whether the database has been read once (what was there then is not this node's to make up for). */
    synchronized boolean started() {
        return started;
    }

    /** A change this node made, or was told of by another node's signal. */
    synchronized void heard(long number, long nowMillis) {
        heard.putIfAbsent(number, nowMillis);
        forgetOld(nowMillis);
    }

    /**
     * The numbers of the changes the database holds from the last few minutes. True when one that
     * the previous check saw already was still never heard of: then everything that depends on
     * access must be checked again (it is counted as heard from then on). The first check only
     * takes what is there as heard.
     */
    synchronized boolean missedAny(Collection<Long> inTheDatabase, long nowMillis) {
        boolean missed = false;
        Set<Long> unheard = new HashSet<>();
        for (Long number : inTheDatabase) {
            if (heard.containsKey(number)) {
                continue;
            }
            if (started && !unheardAtLastCheck.contains(number)) {
                // First seen now: its signal may still be on its way.
                unheard.add(number);
                continue;
            }
            // There before this node started (not its to make up for), or still unheard a whole interval later.
            missed |= started;
            heard.put(number, nowMillis);
        }
        started = true;
        unheardAtLastCheck = unheard;
        forgetOld(nowMillis);
        return missed;
    }

    private void forgetOld(long nowMillis) {
        Iterator<Long> when = heard.values().iterator();
        while (when.hasNext()) {
            long at = when.next();
            if (heard.size() > most || at < nowMillis - keepMillis) {
                when.remove();
            } else {
                break;
            }
        }
    }
}
