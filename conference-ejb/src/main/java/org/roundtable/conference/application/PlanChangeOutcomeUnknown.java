package org.roundtable.conference.application;

/**
 * The plan's owner node did not answer a change in time, or left the cluster before answering:
 * it may have stored the change or not. A live change is sent again with its own id, which is
 * safe; a REST change has no id of its own, so the caller must look at the plan first, and is
 * never told when to send it again (no {@code Retry-After}: a client that obeyed it by itself
 * could make the change twice).
 */
public class PlanChangeOutcomeUnknown extends PlanNotStored {

    public PlanChangeOutcomeUnknown(String message) {
        super(message);
    }
}
