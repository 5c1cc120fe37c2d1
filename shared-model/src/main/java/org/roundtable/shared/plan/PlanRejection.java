package org.roundtable.shared.plan;

/** An operation that cannot apply to the plan as it is; the message says why, for the person who sent it. */
public class PlanRejection extends RuntimeException {

    /** Why, as a stable code a client can act on. */
    public enum Reason { UNKNOWN_ID, ALREADY_EXISTS, INVALID_VALUE, WRONG_FIELD, TEXT_MISMATCH, STALE_BASE, FUTURE_BASE,
        /** A change id the plan used long ago (a resend of a recent change is recognised and acknowledged instead). */
        DUPLICATE_CHANGE }

    private final Reason reason;

    public PlanRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
