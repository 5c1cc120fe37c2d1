package org.roundtable.conference.application.command;

/** How a phone number may be written, shared by every command that takes one. */
final class ContactRules {

    /** Digits, spaces, a leading +, brackets and dashes; or nothing, as a number is optional. */
    static final String PHONE = "(\\+?[0-9 ()\\-]{6,39})?";
    static final String PHONE_MESSAGE = "Enter a phone number, like 01632 960 001 or +44 808 157 0192";

    private ContactRules() {
    }
}
