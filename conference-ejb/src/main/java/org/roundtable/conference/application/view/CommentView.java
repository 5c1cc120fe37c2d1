package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.UUID;
import org.roundtable.conference.domain.model.room.PlanComment;

public record CommentView(UUID id, UUID nodeId, String authorName, String body, boolean madeInPrivate, Instant createdAt) {

    public static CommentView of(PlanComment c) {
        return new CommentView(c.id(), c.nodeId(), c.authorName(), c.body(), c.privatePartId() != null, c.createdAt());
    }
}
