package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.commitment.ConferenceStatement;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.Stance;

/**
 * A view of the plan as recorded. When an advocate wrote it for a family member, forMemberName
 * names whose views they are and writtenBy says who wrote them ("Dee Walker, advocate, for Jess
 * Taylor"); withdrawn ones stay in the list, with who withdrew them.
 */
public record StatementView(UUID id, Stance stance, String words, CallerKind authorKind, String authorName, String agencyName,
        Instant recordedAt, UUID forMemberId, String forMemberName, String writtenBy, Instant withdrawnAt, String withdrawnByName) {

    public static StatementView of(ConferenceStatement s) {
        return new StatementView(s.id(), s.stance(), s.words(), s.authorKind(), s.authorName(), s.agencyName(), s.recordedAt(),
                s.forMemberId(), s.forMemberName(), s.writtenBy(), s.withdrawnAt(), s.withdrawnByName());
    }
}
