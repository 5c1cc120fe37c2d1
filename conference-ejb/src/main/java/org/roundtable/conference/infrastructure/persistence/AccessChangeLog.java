package org.roundtable.conference.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The changes of access of the last day (access_change), by number, so that each node can find one it was not told of. */
@ApplicationScoped
public class AccessChangeLog {

    @PersistenceContext
    private EntityManager em;

    /** In the change's own transaction: the row is there exactly when the change is. An insert, so it waits on no one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long number, Instant at) {
        em.createNativeQuery("insert into access_change (id, made_at) values (?1, ?2)")
                .setParameter(1, number).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    /** The numbers of the changes made since then (by the clock of the node that made each). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> madeSince(Instant since) {
        return em.createNativeQuery("select id from access_change where made_at > ?1").setParameter(1, Timestamp.from(since))
                .getResultList().stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("delete from access_change where made_at < ?1").setParameter(1, Timestamp.from(before)).executeUpdate();
    }
}
