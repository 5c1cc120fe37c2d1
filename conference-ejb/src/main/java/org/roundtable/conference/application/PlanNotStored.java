package org.roundtable.conference.application;

import java.time.Duration;

/**
 * A change was taken but not stored, or it is not known whether it was: the plan's owner node
 * failed to write it or stopped waiting (nothing of it was applied), or did not answer in time or
 * left the cluster before answering (it may have stored it; the message says so). Sending it
 * again with the same change id is safe either way, since a change already applied is recognised
 * and not applied twice; a REST change sent again is a new change.
 */
public class PlanNotStored extends TryLater {

    public PlanNotStored(String message) {
        super(message, Duration.ofSeconds(1), true);
    }
}
