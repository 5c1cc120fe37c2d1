package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A family's overview: who is in it (and who has left, with the day), which agencies work with
 * it and who advocates for it.
 */
public record FamilyView(UUID id, String name, String reference, LocalDate strategyDiscussionOn,
        String messageToWorkers, boolean detailsWithheld, List<MemberView> members, List<MemberView> formerMembers,
        List<InvolvementView> involvements, List<AdvocateView> advocates) {
}
