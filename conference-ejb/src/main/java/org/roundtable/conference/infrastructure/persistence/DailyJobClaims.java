package org.roundtable.conference.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Makes a daily job run once per day across every server node: each node's timer fires, and
 * the one whose row for (job, day) commits first runs the job. The primary key decides; the
 * check before the insert only spares the others a failed insert.
 */
@ApplicationScoped
public class DailyJobClaims {

    @PersistenceContext
    private EntityManager em;

    /** True when this caller may run the job for the day; false when it already ran (here or on another node). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, LocalDate day, Instant now) {
        List<?> existing = em.createNativeQuery("select job from daily_job_run where job = ?1 and run_on = ?2")
                .setParameter(1, job).setParameter(2, day).getResultList();
        if (!existing.isEmpty()) {
            return false;
        }
        em.createNativeQuery("insert into daily_job_run (job, run_on, started_at) values (?1, ?2, ?3)")
                .setParameter(1, job).setParameter(2, day).setParameter(3, Timestamp.from(now)).executeUpdate();
        return true;
    }
}
