package org.roundtable.conference.application.access;

/** The caller is known and may see the thing, but may not do this to it. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
