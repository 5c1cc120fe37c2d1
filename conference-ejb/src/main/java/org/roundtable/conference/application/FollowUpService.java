package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.FamilyRecordAccess;
import org.roundtable.conference.application.view.DashboardView;
import org.roundtable.conference.application.view.DashboardView.ActionLine;
import org.roundtable.conference.application.view.DashboardView.ConferenceDueView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.plan.Action;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.followup.StatutoryTimescales.ConferenceDue;
import org.roundtable.shared.followup.StatutoryTimescales.HeldConference;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.record.InformationKind;

/** What the chair follows up after conferences: actions across their families, and conferences due. */
@ApplicationScoped
@Transactional
public class FollowUpService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private OwnerNames ownerNames;

    @Inject
    private FollowUpRules rules;

    @Inject
    private AccessLogService accessLog;

    @Inject
    private Clock clock;

    /** The chair's dashboard; status and owner ("AGENCY:id") narrow the list of actions when given. */
    public DashboardView dashboard(Caller caller, ActionStatus status, String owner) {
        policy.requireStaff(caller);
        FamilyRecordAccess.requireMaySeeFollowUp(caller);
        ActionOwnerRef ownerFilter = parseOwner(owner);
        LocalDate today = LocalDate.now(clock);
        List<Family> families = em.createQuery("""
                select distinct c.family from Conference c where c.chair.id = :me""", Family.class)
                .setParameter("me", caller.id()).getResultStream()
                .filter(f -> policy.canSeeFamily(caller, f.id()) && policy.isShared(caller, f.id(), InformationKind.PLAN))
                .sorted(Comparator.comparing(Family::name)).toList();
        var lines = new ArrayList<ActionLine>();
        var conferences = new ArrayList<ConferenceDueView>();
        for (Family family : families) {
            accessLog.recordRead(caller, family.id(), "your plan (on the chair's follow-up page)", null);
            Map<String, String> names = ownerNames.of(family.id());
            List<Action> actions = em.createQuery("""
                    select a from Action a join fetch a.goal
                    where a.goal.plan.family.id = :f and a.deleted = false and a.goal.deleted = false""", Action.class)
                    .setParameter("f", family.id()).getResultList();
            for (Action a : actions) {
                ActionOwnerRef ref = a.owner() == null ? null : new ActionOwnerRef(a.owner().kind(), a.owner().id());
                lines.add(new ActionLine(family.id(), family.name(), a.id(), a.goal().title(), a.description(),
                        ref == null ? null : ref.kind(), ref == null ? null : ref.id(), OwnerNames.nameOf(names, ref), a.dueOn(),
                        a.status(), a.isOverdueOn(today)));
            }
            for (var due : schedule(family, today)) {
                if (due.conferenceId() == null || due.state().isBreach()) {
                    conferences.add(ConferenceDueView.of(family.id(), family.name(), due));
                }
            }
        }
        var byStatus = new EnumMap<ActionStatus, Long>(ActionStatus.class);
        var byOwner = new LinkedHashMap<String, long[]>();
        for (ActionLine line : lines) {
            byStatus.merge(line.status(), 1L, Long::sum);
            long[] counts = byOwner.computeIfAbsent(line.ownerName(), k -> new long[2]);
            counts[0] += line.status().isOpen() ? 1 : 0;
            counts[1] += line.overdue() ? 1 : 0;
        }
        var shown = lines.stream()
                .filter(l -> status == null || l.status() == status)
                .filter(l -> ownerFilter == null || (ownerFilter.kind() == l.ownerKind() && ownerFilter.id().equals(l.ownerId())))
                .sorted(Comparator.comparing((ActionLine l) -> !l.overdue())
                        .thenComparing(l -> !l.status().isOpen())
                        .thenComparing(ActionLine::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ActionLine::familyName))
                .toList();
        conferences.sort(Comparator.comparing((ConferenceDueView c) -> !c.breach()).thenComparing(ConferenceDueView::dueBy));
        return new DashboardView(today, shown,
                byStatus.entrySet().stream().map(e -> new DashboardView.StatusCount(e.getKey(), e.getValue())).toList(),
                byOwner.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new DashboardView.OwnerCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                conferences);
    }

    /** The conferences the procedures require for one family, and how each stands. */
    public List<ConferenceDueView> timescales(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        Family family = lookup.require(Family.class, familyId, "family");
        return schedule(family, LocalDate.now(clock)).stream().map(d -> ConferenceDueView.of(family.id(), family.name(), d)).toList();
    }

    private List<ConferenceDue> schedule(Family family, LocalDate today) {
        // A cancelled conference neither took place nor is booked.
        var held = em.createQuery("select c from Conference c where c.family.id = :f and c.status <> :cancelled", Conference.class)
                .setParameter("f", family.id()).setParameter("cancelled", org.roundtable.shared.domain.ConferenceStatus.CANCELLED).getResultStream()
                .map(c -> new HeldConference(c.id(), c.kind(), LocalDate.ofInstant(c.scheduledStart(), ClockProducer.LOCAL_ZONE)))
                .toList();
        return rules.timescales().schedule(family.strategyDiscussionOn(), held, today, rules.calendar());
    }

    private static ActionOwnerRef parseOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        try {
            return ActionOwnerRef.parse(owner);
        } catch (RuntimeException e) {
            throw new InvalidInput("owner", "Give the owner as AGENCY:<id> or FAMILY_MEMBER:<id>.");
        }
    }
}
