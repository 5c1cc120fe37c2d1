package org.roundtable.shared.domain;

/** The part a person plays in one conference. */
public enum InviteeRole {
    CHAIR,
    AGENCY_STAFF,
    FAMILY_MEMBER,
    ADVOCATE,
    OBSERVER;

    /** Family members and advocates join by an emailed invitation, never with a password. */
    public boolean joinsByInvitation() {
        return this == FAMILY_MEMBER || this == ADVOCATE;
    }
}
