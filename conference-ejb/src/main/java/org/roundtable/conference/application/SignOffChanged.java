package org.roundtable.conference.application;

import java.util.UUID;

/** Someone signed an action of this family's plan, or a change voided a signature: the rooms show it. */
public record SignOffChanged(UUID familyId) {
}
