package org.roundtable.conference.application.access;

import java.util.UUID;

/**
 * Something that decides who may see what has just changed (a sign-out, an involvement, an
 * invitee removed, a conference closed). Observers re-check open live connections at once.
 * {@code familyId} names the family when the change is what one family shares (null: any other
 * change): its rooms are re-checked before the call that changed it returns.
 * {@code fromAnotherNode}: the change was made on another node of a cluster and is told here
 * (AccessChangesAcrossNodes), so that it is not told on again.
 */
public record AccessChanged(String what, UUID familyId, boolean fromAnotherNode) {

    public AccessChanged(String what) {
        this(what, null, false);
    }

    public AccessChanged(String what, UUID familyId) {
        this(what, familyId, false);
    }
}
