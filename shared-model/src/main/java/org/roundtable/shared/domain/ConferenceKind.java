package org.roundtable.shared.domain;

/** The kinds of case conference, named as in UK safeguarding procedures. */
public enum ConferenceKind {
    INITIAL_CHILD_PROTECTION,
    REVIEW_CHILD_PROTECTION,
    CORE_GROUP,
    TEAM_AROUND_THE_FAMILY,
    OTHER
}
