package org.roundtable.shared.domain;

/** Whether an invitee came to a conference, as the chair records it on closing. */
public enum Attendance {
    ATTENDED,
    APOLOGIES,
    DID_NOT_ATTEND,
    NOT_RECORDED
}
