package org.roundtable.conference.application;

import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/** The family has asked not to share this with the caller's agency, and nobody there has recorded an override. */
public class NotShared extends AccessDenied {

    public NotShared(InformationKind kind, SharingPreference preference) {
        super((preference == SharingPreference.ASK_FIRST
                ? "The family wants to be asked before this is shared with your agency"
                : "The family has asked not to share this with your agency")
                + " (" + kind.name().toLowerCase().replace('_', ' ') + "). If you must see it, record an override "
                + "with the lawful basis and your reason.");
    }
}
