package org.roundtable.conference.infrastructure.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.audit.ChainHash;

/**
 * Appends to the audit log: one chain for the whole system, each entry's hash covering the one
 * before it. The head row is locked for each append, so entries join the chain one at a time and
 * only when the change they describe commits (they share its transaction).
 *
 * <p>The plan writer appends here too (a change that voids signatures, see
 * {@link AuditChainOnConnection}) while holding the locks of every plan in its batch, so: never
 * hold the audit head and then wait on the plan pipeline (a plan change's commit, or
 * {@code LivePlanService.withPlan}/{@code submit}) in the same transaction. The writer waits for
 * the head at most 2 s and then fails that plan's changes, but every plan in the batch stalls meanwhile.
 */
@ApplicationScoped
public class AuditLog {

    /** The chain's head, locked until the appending transaction ends. */
    static final String LOCK_HEAD = "select last_seq, last_hash from audit_head where id = 1 for update";
    static final String INSERT_ENTRY = """
            insert into audit_entry (seq, recorded_at, actor_kind, actor_id, actor_name, family_id, event, subject_id,
                detail, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String MOVE_HEAD = "update audit_head set last_seq = ?, last_hash = ? where id = 1";

    @PersistenceContext
    private EntityManager em;

    /** Something that happened, by someone, to something of a family's. Detail is JSON. */
    public record Event(String name, UUID familyId, UUID subjectId, String detail) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller actor, Event event, Instant at) {
        append(actor == null ? null : actor.kind().name(), actor == null ? null : actor.id(),
                actor == null ? "Roundtable" : actor.displayName(), event, at);
    }

    private void append(String actorKind, UUID actorId, String actorName, Event event, Instant at) {
        Object[] head = (Object[]) em.createNativeQuery(LOCK_HEAD).getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String previous = (String) head[1];
        Instant recordedAt = at.truncatedTo(ChronoUnit.MILLIS);
        String hash = entryHash(previous, seq, recordedAt, actorKind, actorId, actorName, event);
        em.createNativeQuery(INSERT_ENTRY)
                .setParameter(1, seq).setParameter(2, Timestamp.from(recordedAt)).setParameter(3, actorKind)
                .setParameter(4, actorId).setParameter(5, actorName).setParameter(6, event.familyId())
                .setParameter(7, event.name()).setParameter(8, event.subjectId()).setParameter(9, event.detail())
                .setParameter(10, previous).setParameter(11, hash).executeUpdate();
        em.createNativeQuery(MOVE_HEAD)
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
    }

    /** The hash of one audit entry; the verifier computes it the same way. */
    static String entryHash(String previous, long seq, Instant recordedAt, String actorKind, UUID actorId, String actorName,
            Event event) {
        return ChainHash.link(previous, Long.toString(seq), Long.toString(recordedAt.toEpochMilli()), actorKind,
                actorId == null ? null : actorId.toString(), actorName,
                event.familyId() == null ? null : event.familyId().toString(), event.name(),
                event.subjectId() == null ? null : event.subjectId().toString(), event.detail());
    }

    /** The hash of one plan change in its plan's chain; the plan writer's {@code Pending} works it out, the verifier checks it. */
    public static String planChangeHash(String previous, UUID planId, long revision, String changeId, String clientId,
            String authorKind, UUID authorId, String operations, Instant appliedAt) {
        return ChainHash.link(previous, planId.toString(), Long.toString(revision), changeId, clientId, authorKind,
                authorId == null ? null : authorId.toString(), operations, Long.toString(appliedAt.toEpochMilli()));
    }
}
