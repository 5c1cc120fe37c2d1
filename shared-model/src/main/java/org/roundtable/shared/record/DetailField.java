package org.roundtable.shared.record;

/** The details a family keeps for itself, "told once" for every agency. */
public enum DetailField {
    FULL_NAME("name"),
    DATE_OF_BIRTH("date of birth"),
    PHONE("phone number"),
    EMAIL("email address"),
    ADDRESS("address"),
    PREFERRED_LANGUAGE("language"),
    ACCESS_NEEDS("access needs"),
    LIVES_IN_HOUSEHOLD("lives at home"),
    MESSAGE_TO_WORKERS("what you want every worker to know"),
    /** Someone moved in or left: recorded by the household change itself, never suggested as a correction. */
    HOUSEHOLD("who lives in the household");

    private final String plainWords;

    DetailField(String plainWords) {
        this.plainWords = plainWords;
    }

    public String plainWords() {
        return plainWords;
    }
}
