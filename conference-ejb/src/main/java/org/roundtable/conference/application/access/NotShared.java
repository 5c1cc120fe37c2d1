package org.roundtable.conference.application.access;

import org.roundtable.shared.record.InformationKind;

/**
 * The family does not share this kind with the caller's agency (no override or yes in force).
 * The words say what to do next: ask the family, or wait for its answer if someone already asked.
 */
public class NotShared extends AccessDenied {

    private final InformationKind kind;
    private final boolean waiting;

    public NotShared(InformationKind kind, boolean waiting) {
        super(waiting ? "Not shared with your agency. Waiting for the family's answer."
                : "Not shared with your agency. You can ask the family on the Sharing page.");
        this.kind = kind;
        this.waiting = waiting;
    }

    public InformationKind kind() {
        return kind;
    }

    /** Someone at the agency asked, and the family has not answered yet. */
    public boolean waiting() {
        return waiting;
    }
}
