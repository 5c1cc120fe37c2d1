package org.roundtable.shared.domain;

/** What an invited person can say from the invitation's page. */
public enum InvitationAnswer {
    /** "I can come". */
    COMING,
    /** "I can't come", with a reason. */
    CANT_COME,
    /** "I need an interpreter or other help": a language and access needs. */
    NEEDS_HELP,
    /** "Send my views before the meeting": words that go to the chair and into the record. */
    VIEWS
}
