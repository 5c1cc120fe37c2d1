package org.roundtable.conference.application;

/** Mail could not be handed to the mail server; nothing was changed, the person can try again. */
public class MailUnavailable extends RuntimeException {

    public MailUnavailable() {
        super("We could not send the email just now. Nothing was changed; please try again in a few minutes.");
    }
}
