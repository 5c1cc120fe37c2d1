package org.roundtable.shared.domain;

/**
 * Where a conference is in its life. It only moves forward: a closed record is frozen,
 * so there is no way back from {@link #CLOSED}.
 */
public enum ConferenceStatus {
    SCHEDULED,
    LIVE,
    CLOSED;

    public boolean canMoveTo(ConferenceStatus next) {
        return next != null && next.ordinal() == ordinal() + 1;
    }
}
