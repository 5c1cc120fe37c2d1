package org.roundtable.conference.it;

/** The people the authorisation matrix is checked for, as they exist in the demo data. */
public enum Role {
    ADMINISTRATOR("admin"),
    CHAIR("chair"),
    INVOLVED_STAFF("social.worker"),
    UNINVOLVED_STAFF("housing.officer"),
    FAMILY_MEMBER("jess.taylor@example.org"),
    ADVOCATE("dee.walker@example.org"),
    OTHER_FAMILY_MEMBER("anna.novak@example.org"),
    ANONYMOUS(null);

    /** A staff username, or the email a family member or advocate signs in with. */
    final String login;

    Role(String login) {
        this.login = login;
    }

    boolean signsInWithCode() {
        return login != null && login.contains("@");
    }
}
