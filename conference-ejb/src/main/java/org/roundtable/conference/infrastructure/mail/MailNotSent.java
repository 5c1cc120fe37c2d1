package org.roundtable.conference.infrastructure.mail;

/** The mail server did not take an email; the outbox keeps it and tries again later. */
public class MailNotSent extends RuntimeException {

    public MailNotSent(String to, Exception cause) {
        super("Mail to " + to + " was not taken by the mail server: " + cause.getMessage(), cause);
    }
}
