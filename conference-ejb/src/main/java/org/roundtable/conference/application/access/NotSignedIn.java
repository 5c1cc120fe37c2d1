package org.roundtable.conference.application.access;

/** The request needs a signed-in person and there is none (or the session has ended). */
public class NotSignedIn extends RuntimeException {

    public NotSignedIn() {
        super("Please sign in to continue.");
    }
}
