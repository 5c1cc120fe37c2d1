package org.roundtable.conference.application.access;

import java.util.UUID;

/**
 * Something that decides who may see what has just changed (a sign-out, an involvement, an
 * invitee removed, a conference closed). Observers re-check open live connections at once.
 * {@code familyId} names the family when the change is what one family shares (null: any other
 * change): its rooms are re-checked before the call that changed it returns.
 */
public record AccessChanged(String what, UUID familyId) {

    public AccessChanged(String what) {
        this(what, null);
    }
}
