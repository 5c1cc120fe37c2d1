package org.roundtable.shared.domain;

/** What someone records about the plan: the family's agreement or disagreement, or a professional's dissent. */
public enum Stance {
    AGREES,
    DISAGREES,
    /** A professional disagrees with the decision; a named step in UK safeguarding procedures. */
    PROFESSIONAL_DISSENT
}
