package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.commitment.ProgressUpdate;
import org.roundtable.shared.domain.ActionStatus;

public record ProgressView(UUID id, UUID actionId, ActionStatus status, String note, String authorName, Instant postedAt) {

    public static ProgressView of(ProgressUpdate p) {
        return new ProgressView(p.id(), p.actionId(), p.status(), p.note(), p.authorName(), p.postedAt());
    }
}
