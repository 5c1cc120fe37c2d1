package org.roundtable.conference.domain.model.family;

/** How a family member would like the services to reach them. */
public enum PreferredContact {
    EMAIL,
    PHONE,
    TEXT_MESSAGE;

    /** Whether reaching someone this way needs their phone number (else their email address). */
    public boolean needsPhone() {
        return this != EMAIL;
    }
}
