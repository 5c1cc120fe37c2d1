package org.roundtable.shared.domain;

/** The kinds of agency that work with families. */
public enum AgencyKind {
    CHILDRENS_SOCIAL_CARE,
    HEALTH,
    EDUCATION,
    POLICE,
    HOUSING,
    ADULT_SERVICES,
    VOLUNTARY,
    OTHER
}
