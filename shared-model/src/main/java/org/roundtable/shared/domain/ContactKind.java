package org.roundtable.shared.domain;

/** How an agency was in contact with a family. */
public enum ContactKind {
    VISIT,
    CALL,
    ASSESSMENT,
    REFERRAL,
    MEETING,
    LETTER
}
