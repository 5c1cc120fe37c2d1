package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.roundtable.conference.application.view.AccessLogDaysView;
import org.roundtable.conference.application.view.AccessLogView;
import org.roundtable.conference.application.view.WorkerDayView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.record.RecordAccess;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;

/**
 * "Who looked at my record": every read of a family's information by staff is written down,
 * with the purpose when they give one, and the family reads the list.
 */
@ApplicationScoped
@Transactional
public class AccessLogService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private Clock clock;

    @Inject
    private SharingService sharing;

    /** Writes down a read by staff (others are not logged: it is their own record). Its own transaction: a read has no other. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRead(Caller caller, UUID familyId, String what, String purpose) {
        if (caller == null || !caller.isStaff() || familyId == null) {
            return;
        }
        StaffMember staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        String reason = purpose == null || purpose.isBlank() ? null : purpose.strip().substring(0, Math.min(300, purpose.strip().length()));
        em.persist(new RecordAccess(familyId, staff.id(), staff.fullName(), staff.agency().name(), what, reason, clock.instant()));
    }

    /** The family a conference is about, for logging reads of conference pages. */
    public UUID familyOfConference(UUID conferenceId) {
        Conference conference = em.find(Conference.class, conferenceId);
        return conference == null ? null : conference.family().id();
    }

    /**
     * The log as the family reads it: overrides first, then one line per worker per day (newest
     * first), a page of lines at a time, so a busy record stays readable on a phone.
     */
    public AccessLogDaysView days(Caller caller, UUID familyId, PageRequest page) {
        requireFamilysOwn(caller, familyId);
        var reads = em.createQuery("select a from RecordAccess a where a.familyId = :f order by a.accessedAt desc", RecordAccess.class)
                .setParameter("f", familyId).getResultList();
        var lines = WorkerDayView.group(reads, ClockProducer.LOCAL_ZONE);
        var sharing = this.sharing.view(caller, familyId);
        int from = Math.min(page.offset(), lines.size());
        return new AccessLogDaysView(sharing.ledger(), sharing.entriesWithheld(),
                lines.subList(from, Math.min(from + page.size(), lines.size())), page.page(), page.size(), lines.size());
    }

    private void requireFamilysOwn(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        if (caller.isStaff()) {
            throw new AccessDenied("This log is the family's: it shows them who looked at their record.");
        }
    }

    /** The log, newest first: the family and its advocate read it. */
    public Page<AccessLogView> log(Caller caller, UUID familyId, PageRequest page) {
        policy.requireFamilyVisible(caller, familyId);
        if (caller.isStaff()) {
            throw new AccessDenied("This log is the family's: it shows them who looked at their record.");
        }
        return lookup.page(em.createQuery("select a from RecordAccess a where a.familyId = :f order by a.accessedAt desc", RecordAccess.class)
                        .setParameter("f", familyId),
                em.createQuery("select count(a) from RecordAccess a where a.familyId = :f", Long.class).setParameter("f", familyId),
                page, AccessLogView::of);
    }
}
