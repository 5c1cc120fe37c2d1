package org.roundtable.conference.application;

import java.time.Duration;

/**
 * A change was taken but not stored: the plan's owner node failed to write it, stopped waiting,
 * or left the cluster before answering. Nothing of it was applied; sending it again (with the
 * same change id) is safe, since a change already applied is recognised and not applied twice.
 */
public class PlanNotStored extends TryLater {

    public PlanNotStored(String message) {
        super(message, Duration.ofSeconds(1), true);
    }
}
