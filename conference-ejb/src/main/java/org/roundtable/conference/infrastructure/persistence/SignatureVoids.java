package org.roundtable.conference.infrastructure.persistence;

import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.infrastructure.audit.AuditChainOnConnection;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;
import org.roundtable.shared.domain.CallerKind;

/**
 * Voids the signatures that changes in a batch alter, with an audit entry for each, inside the
 * batch's transaction: a change that voids a signature is stored with the voiding and its audit
 * entries, or not at all.
 */
final class SignatureVoids {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private SignatureVoids() {
    }

    /** The signatures each change voided (only changes that void any are keys). */
    static Map<Pending, List<VoidedSignature>> write(Connection connection, List<Pending> voiding) throws SQLException {
        Map<Pending, List<VoidedSignature>> voided = new IdentityHashMap<>();
        for (Pending p : voiding) {
            voided.put(p, write(connection, p));
        }
        return voided;
    }

    private static List<VoidedSignature> write(Connection connection, Pending p) throws SQLException {
        String reason = "Changed by " + p.voids().authorName() + " after it was signed";
        var signatures = inForce(connection, p.voids().actionIds());
        try (var update = connection.prepareStatement(
                "update action_signature set voided_at = ?, void_reason = ? where id = ? and voided_at is null")) {
            for (VoidedSignature s : signatures) {
                update.setTimestamp(1, Timestamp.from(p.at()));
                update.setString(2, reason);
                update.setObject(3, s.signatureId());
                update.addBatch();
            }
            update.executeBatch();
        }
        var events = new ArrayList<AuditLog.Event>();
        for (VoidedSignature s : signatures) {
            events.add(new AuditLog.Event("SIGNATURE_VOIDED", p.voids().familyId(), s.signatureId(), JSON.createObjectBuilder()
                    .add("actionId", s.actionId().toString()).add("revision", p.change().revision()).add("reason", reason)
                    .build().toString()));
        }
        AuditChainOnConnection.append(connection, new AuditChainOnConnection.Actor(p.authorKind(), p.authorId(),
                p.voids().authorName()), events, p.at());
        return signatures;
    }

    /** The signatures in force on these actions, locked until the batch commits. */
    private static List<VoidedSignature> inForce(Connection connection, List<UUID> actionIds) throws SQLException {
        var found = new ArrayList<VoidedSignature>();
        try (var select = connection.prepareStatement("""
                select id, action_id, conference_id, signer_kind, signer_id, signer_name from action_signature
                where action_id = ? and voided_at is null order by signed_at for update""")) {
            for (UUID action : actionIds) {
                select.setObject(1, action);
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(new VoidedSignature(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), CallerKind.valueOf(rs.getString(4)), rs.getObject(5, UUID.class),
                                rs.getString(6)));
                    }
                }
            }
        }
        return found;
    }
}
