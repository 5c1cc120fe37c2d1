package org.roundtable.shared.domain;

/**
 * Where a conference is in its life. It only moves forward: a closed record is frozen, so there
 * is no way back from {@link #CLOSED}; a conference that has not started may be cancelled, and a
 * cancelled one stays cancelled.
 */
public enum ConferenceStatus {
    SCHEDULED,
    LIVE,
    CLOSED,
    CANCELLED;

    public boolean canMoveTo(ConferenceStatus next) {
        return switch (this) {
            case SCHEDULED -> next == LIVE || next == CANCELLED;
            case LIVE -> next == CLOSED;
            case CLOSED, CANCELLED -> false;
        };
    }
}
