package org.roundtable.shared.domain;

/** The kinds of people who sign in. Staff use a password; the others an emailed one-time code. */
public enum CallerKind {
    STAFF,
    FAMILY_MEMBER,
    ADVOCATE
}
