package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.SharingRules;
import org.roundtable.conference.domain.model.record.SharingDecision;
import org.roundtable.conference.infrastructure.persistence.DailyJobClaims;

/**
 * Overrides with an end. An override stops giving access on its review date by itself (the
 * sharing rules compare the date); once a day, in the daily reminder run and claimed once across
 * nodes, the worker of each override that reached its review date without being renewed is told
 * it lapsed, and open live connections are checked again.
 */
@ApplicationScoped
@Transactional
public class OverrideReviews {

    static final String JOB = "override-reviews";

    private static final Logger LOG = Logger.getLogger(OverrideReviews.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DailyJobClaims claims;

    @Inject
    private SharingNotices notices;

    @Inject
    private SharingRules rules;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Inject
    private Clock clock;

    /** The overrides that lapsed by this day and whose workers were not told yet; -1 when the day ran already. */
    public int lapseOn(LocalDate day) {
        boolean claimed;
        try {
            claimed = claims.claim(JOB, day, clock.instant());
        } catch (RuntimeException e) {
            LOG.fine(() -> "Override reviews for " + day + " claimed elsewhere: " + e);
            claimed = false;
        }
        if (!claimed) {
            return -1;
        }
        var lapsed = em.createQuery("""
                select d from SharingDecision d where d.reviewOn <= :day and d.renewedById is null and d.lapseToldAt is null""",
                SharingDecision.class).setParameter("day", day).getResultList();
        for (SharingDecision decision : lapsed) {
            decision.lapseTold(clock.instant());
            notices.lapsed(decision);
        }
        if (!lapsed.isEmpty()) {
            rules.forget();
            accessChanged.fire(new AccessChanged("overrides lapsed"));
        }
        return lapsed.size();
    }
}
