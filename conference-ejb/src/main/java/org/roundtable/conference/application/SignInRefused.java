package org.roundtable.conference.application;

/** Wrong username, password, link or code. The message never says which part was wrong. */
public class SignInRefused extends RuntimeException {

    public SignInRefused(String message) {
        super(message);
    }
}
