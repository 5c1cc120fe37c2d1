package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.FamilyRecordAccess;
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
     * first), a page of lines at a time, so a busy record stays readable on a phone. Paged in the
     * database: however long the log, a page reads only its own lines' looks (at most
     * {@link WorkerDayView#LOOKS_SHOWN} each) and the parts each line names.
     */
    public AccessLogDaysView days(Caller caller, UUID familyId, PageRequest page) {
        requireFamilysOwn(caller, familyId);
        var sharing = this.sharing.view(caller, familyId);
        var lines = new ArrayList<WorkerDayView>();
        long total = workerDays(familyId, page, lines);
        return new AccessLogDaysView(sharing.ledger(), sharing.entriesWithheld(), lines, page.page(), page.size(), total);
    }

    /** The local day of a read, in the database (a zone id holds only letters, digits, '/', '_', '+' and '-'). */
    private static final String LOCAL_DAY = "cast(accessed_at at time zone '" + ClockProducer.LOCAL_ZONE.getId() + "' as date)";

    /** One worker and local day: a line of the readable log. */
    private record WorkerDay(LocalDate day, UUID staffId) {
    }

    /** Adds the page's lines to lines; answers how many lines the whole log has (one pass over the log for both). */
    private long workerDays(UUID familyId, PageRequest page, List<WorkerDayView> lines) {
        var counts = new LinkedHashMap<WorkerDay, Integer>();
        long total = 0;
        for (Object[] row : rows(em.createNativeQuery("select local_day, staff_id, newest, looks, count(*) over () as total from ("
                + "select local_day, staff_id, max(accessed_at) as newest, count(*) as looks from (select " + LOCAL_DAY
                + " as local_day, staff_id, accessed_at from record_access where family_id = ?1) r group by local_day, staff_id) g"
                + " order by newest desc, staff_id offset ?2 rows fetch next ?3 rows only")
                .setParameter(1, familyId).setParameter(2, page.offset()).setParameter(3, page.size()))) {
            counts.put(new WorkerDay(localDate(row[0]), (UUID) row[1]), ((Number) row[3]).intValue());
            total = ((Number) row[4]).longValue();
        }
        if (counts.isEmpty()) {
            // A page past the end: how many lines there are, counted on their own.
            return page.offset() == 0 ? 0 : ((Number) em.createNativeQuery("select count(*) from (select distinct " + LOCAL_DAY
                    + " as local_day, staff_id from record_access where family_id = ?1) k").setParameter(1, familyId).getSingleResult())
                    .longValue();
        }
        ZoneId zone = ClockProducer.LOCAL_ZONE;
        var staff = counts.keySet().stream().map(WorkerDay::staffId).collect(Collectors.toSet());
        LocalDate first = counts.keySet().stream().map(WorkerDay::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = counts.keySet().stream().map(WorkerDay::day).max(LocalDate::compareTo).orElseThrow();
        String theirReads = "(select staff_id, staff_name, agency_name, what, purpose, accessed_at, " + LOCAL_DAY + " as local_day"
                + " from record_access where family_id = ?1 and staff_id in (?2) and accessed_at >= ?3 and accessed_at < ?4) r";
        var looks = new HashMap<WorkerDay, List<Object[]>>();
        for (Object[] row : rows(inRange(em.createNativeQuery("select staff_id, local_day, staff_name, agency_name, what, purpose, accessed_at"
                + " from (select r.*, row_number() over (partition by local_day, staff_id order by accessed_at desc) as n from " + theirReads
                + ") ranked where n <= " + WorkerDayView.LOOKS_SHOWN + " order by accessed_at desc"), familyId, staff, first, last, zone))) {
            looks.computeIfAbsent(new WorkerDay(localDate(row[1]), (UUID) row[0]), k -> new ArrayList<>()).add(row);
        }
        var parts = new HashMap<WorkerDay, List<String>>();
        for (Object[] row : rows(inRange(em.createNativeQuery("select staff_id, local_day, what, max(accessed_at) as newest from "
                + theirReads + " group by staff_id, local_day, what order by newest desc"), familyId, staff, first, last, zone))) {
            parts.computeIfAbsent(new WorkerDay(localDate(row[1]), (UUID) row[0]), k -> new ArrayList<>()).add((String) row[2]);
        }
        counts.forEach((key, count) -> {
            // Other days of the same workers in the range are read too; only this page's lines are kept.
            List<Object[]> theirs = looks.getOrDefault(key, List.of());
            if (theirs.isEmpty()) {
                return;
            }
            Object[] newest = theirs.get(0);
            lines.add(new WorkerDayView(key.staffId(), (String) newest[2], (String) newest[3], key.day(), List.copyOf(parts.get(key)),
                    theirs.stream().map(r -> new WorkerDayView.Look(instant(r[6]), (String) r[4], (String) r[5])).toList(), count));
        });
        return total;
    }

    private static jakarta.persistence.Query inRange(jakarta.persistence.Query query, UUID familyId, Set<UUID> staff, LocalDate first,
            LocalDate last, ZoneId zone) {
        return query.setParameter(1, familyId).setParameter(2, staff)
                .setParameter(3, Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .setParameter(4, Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query query) {
        return query.getResultList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant();
        }
        return (Instant) value;
    }

    private void requireFamilysOwn(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        FamilyRecordAccess.requireMayReadAccessLog(caller);
    }

    /** The log, newest first: the family and its advocate read it. */
    public Page<AccessLogView> log(Caller caller, UUID familyId, PageRequest page) {
        requireFamilysOwn(caller, familyId);
        return lookup.page(em.createQuery("select a from RecordAccess a where a.familyId = :f order by a.accessedAt desc", RecordAccess.class)
                        .setParameter("f", familyId),
                em.createQuery("select count(a) from RecordAccess a where a.familyId = :f", Long.class).setParameter("f", familyId),
                page, AccessLogView::of);
    }
}
