package org.roundtable.conference.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox's bookkeeping, each step in its own short transaction so that no transaction is
 * open while talking to the mail server. Claiming moves an email's next attempt into the
 * future first: a node that dies while sending leaves it to be tried again later, and two nodes
 * never send the same email at the same moment.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboxClaims {

    @PersistenceContext
    private EntityManager em;

    public List<UUID> due(Instant now, int max) {
        return em.createQuery("select m.id from OutboxMail m where m.nextAttemptAt <= :now order by m.nextAttemptAt", UUID.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** This email, if this caller is the one to try it now; expired ones are dropped here. */
    public Optional<OutboxMail> claim(UUID id, Instant now, Duration firstRetry) {
        var mail = em.find(OutboxMail.class, id);
        if (mail == null) {
            return Optional.empty();
        }
        if (mail.isExpiredAt(now)) {
            em.remove(mail);
            return Optional.empty();
        }
        int claimed = em.createQuery("""
                update OutboxMail m set m.attempts = m.attempts + 1, m.nextAttemptAt = :next
                where m.id = :id and m.attempts = :attempts and m.nextAttemptAt <= :now""")
                .setParameter("next", now.plus(OutboxMail.waitAfter(mail.attempts() + 1, firstRetry)))
                .setParameter("id", id).setParameter("attempts", mail.attempts()).setParameter("now", now)
                .executeUpdate();
        return claimed == 1 ? Optional.of(mail) : Optional.empty();
    }

    public void sent(UUID id) {
        em.createQuery("delete from OutboxMail m where m.id = :id").setParameter("id", id).executeUpdate();
    }

    public void failed(UUID id, String error) {
        em.createQuery("update OutboxMail m set m.lastError = :e where m.id = :id")
                .setParameter("e", error.length() > 500 ? error.substring(0, 500) : error).setParameter("id", id).executeUpdate();
    }
}
