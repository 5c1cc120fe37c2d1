package org.roundtable.shared.record;

/** What the family wants done with one kind of information for one agency. */
public enum SharingPreference {
    SHARE,
    ASK_FIRST,
    DO_NOT_SHARE
}
