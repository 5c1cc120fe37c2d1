package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.roundtable.conference.domain.model.access.SignInGuard;

/**
 * Finds (or creates) the guard for a key, locked for this transaction, so that concurrent
 * failures are all counted and none of them fails on a conflict (a conflict would itself be a
 * difference between known and unknown accounts).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SignInGuards {

    @PersistenceContext
    private EntityManager em;

    public SignInGuard lockFor(String key, Instant now) {
        em.createNativeQuery("insert into sign_in_guard (guard_key, failures, updated_at) values (?1, 0, ?2) on conflict do nothing")
                .setParameter(1, key).setParameter(2, java.sql.Timestamp.from(now)).executeUpdate();
        return em.find(SignInGuard.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Forgets every guard whose key starts so (an unlock link clears a username from every address). */
    public void forgetAll(String keyPrefix) {
        em.createQuery("delete from SignInGuard g where g.key like :p").setParameter("p", keyPrefix + "%").executeUpdate();
    }

    /** Guards untouched for a day and not locking anything are no longer needed. */
    @Transactional
    public int forgetStale(Instant now) {
        return em.createQuery("delete from SignInGuard g where g.updatedAt < :d and (g.lockedUntil is null or g.lockedUntil < :now)")
                .setParameter("d", now.minusSeconds(86_400)).setParameter("now", now).executeUpdate();
    }
}
