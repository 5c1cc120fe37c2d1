package org.roundtable.shared.domain;

/** The state of one action in the family's plan. */
public enum ActionStatus {
    PROPOSED,
    AGREED,
    IN_PROGRESS,
    DONE,
    NOT_DONE,
    DROPPED;

    /** Finished actions no longer count towards what is overdue. */
    public boolean isOpen() {
        return this == PROPOSED || this == AGREED || this == IN_PROGRESS;
    }
}
