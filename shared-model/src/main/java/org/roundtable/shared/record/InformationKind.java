package org.roundtable.shared.record;

/** The kinds of information about a family that its sharing preferences are about. */
public enum InformationKind {
    /** Contact details, language, access needs, household, what the family wants workers to know. */
    DETAILS("your details"),
    /** Agencies' contacts with the family, and the contact map. */
    CONTACTS("contacts with agencies"),
    /** The family's plan. */
    PLAN("your plan"),
    /** Conference records and minutes. */
    CONFERENCE_RECORDS("conference records"),
    /** Agencies' reports for conferences. */
    REPORTS("reports");

    private final String plainWords;

    InformationKind(String plainWords) {
        this.plainWords = plainWords;
    }

    /** How the family reads it: "your plan". */
    public String plainWords() {
        return plainWords;
    }
}
