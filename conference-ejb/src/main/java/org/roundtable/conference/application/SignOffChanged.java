package org.roundtable.conference.application;

import java.util.Set;
import java.util.UUID;

/**
 * Someone signed an action of this family's plan, or a change voided signatures: the rooms show
 * it. {@code actionIds} are the actions whose sign-off changed, so that someone shown only their
 * agency's actions hears only of changes to those (not even when others sign).
 */
public record SignOffChanged(UUID familyId, Set<String> actionIds) {

    public SignOffChanged {
        actionIds = Set.copyOf(actionIds);
    }
}
