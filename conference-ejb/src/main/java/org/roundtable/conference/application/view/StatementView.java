package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.commitment.ConferenceStatement;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.Stance;

public record StatementView(UUID id, Stance stance, String words, CallerKind authorKind, String authorName, String agencyName,
        Instant recordedAt) {

    public static StatementView of(ConferenceStatement s) {
        return new StatementView(s.id(), s.stance(), s.words(), s.authorKind(), s.authorName(), s.agencyName(), s.recordedAt());
    }
}
