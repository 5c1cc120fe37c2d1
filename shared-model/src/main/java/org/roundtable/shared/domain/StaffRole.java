package org.roundtable.shared.domain;

/** What a member of staff may do beyond working with the families their agency is involved with. */
public enum StaffRole {
    /** May schedule and chair conferences. */
    CHAIR,
    /** Manages agencies, staff and involvements; sees no case detail. */
    ADMINISTRATOR
}
