package org.roundtable.conference.application.view;

import java.util.Set;
import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.StaffRole;

/**
 * Who is signed in, as the browser needs to know it. language: the one their pages are in ("en"
 * or "cy"); null for staff, whose pages are in English.
 */
public record CallerView(CallerKind kind, UUID id, String name, UUID agencyId, String agencyName, UUID familyId,
        Set<StaffRole> roles, String language) {
}
