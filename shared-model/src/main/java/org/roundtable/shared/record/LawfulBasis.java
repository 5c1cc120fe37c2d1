package org.roundtable.shared.record;

/**
 * Why a professional may share against the family's preference. In UK safeguarding, consent is
 * often not the lawful basis: these are the bases a practitioner records instead.
 */
public enum LawfulBasis {
    /** A child is, or may be, at risk of significant harm. */
    CHILD_AT_RISK,
    /** An adult at risk needs protecting. */
    ADULT_AT_RISK,
    /** A statutory duty (for example, enquiries under section 47 of the Children Act 1989). */
    STATUTORY_DUTY,
    /** To prevent or detect a crime. */
    PREVENTING_CRIME,
    /** Someone's life is at risk. */
    VITAL_INTERESTS
}
