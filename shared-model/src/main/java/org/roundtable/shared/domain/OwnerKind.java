package org.roundtable.shared.domain;

/** Who owns an action: an agency as a whole, or one member of the family. */
public enum OwnerKind {
    AGENCY,
    FAMILY_MEMBER
}
