package org.roundtable.conference.infrastructure.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends entries to the audit chain on a plain JDBC connection, inside the transaction the
 * connection has open: the plan writer uses it so that an audit entry commits with the plan
 * change it describes, or not at all. Same chain, same head lock and same hashes as
 * {@link AuditLog}, which appends through JPA.
 */
public final class AuditChainOnConnection {

    /** Who did it, as the audit log names them. */
    public record Actor(String kind, UUID id, String name) {
    }

    private AuditChainOnConnection() {
    }

    /** Appends the events in order, all at {@code at}, by one actor. */
    public static void append(Connection connection, Actor actor, List<AuditLog.Event> events, Instant at) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        long seq;
        String previous;
        try (var head = connection.prepareStatement(AuditLog.LOCK_HEAD); var rs = head.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            previous = rs.getString(2);
        }
        Instant recordedAt = at.truncatedTo(ChronoUnit.MILLIS);
        try (var insert = connection.prepareStatement(AuditLog.INSERT_ENTRY)) {
            for (AuditLog.Event event : events) {
                seq++;
                String hash = AuditLog.entryHash(previous, seq, recordedAt, actor.kind(), actor.id(), actor.name(), event);
                insert.setLong(1, seq);
                insert.setTimestamp(2, Timestamp.from(recordedAt));
                insert.setString(3, actor.kind());
                insert.setObject(4, actor.id());
                insert.setString(5, actor.name());
                insert.setObject(6, event.familyId());
                insert.setString(7, event.name());
                insert.setObject(8, event.subjectId());
                insert.setString(9, event.detail());
                insert.setString(10, previous);
                insert.setString(11, hash);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
        try (var move = connection.prepareStatement(AuditLog.MOVE_HEAD)) {
            move.setLong(1, seq);
            move.setString(2, previous);
            move.executeUpdate();
        }
    }
}
