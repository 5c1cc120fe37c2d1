package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.FamilyRecordAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.access.SharingRules;
import org.roundtable.conference.application.command.OverrideCommand;
import org.roundtable.conference.application.command.PreferenceCommand;
import org.roundtable.conference.application.command.RenewalCommand;
import org.roundtable.conference.application.command.RestrictionCommand;
import org.roundtable.conference.application.view.SharingView;
import org.roundtable.conference.application.view.SharingView.AgencyPreferences;
import org.roundtable.conference.application.view.SharingView.LedgerEntry;
import org.roundtable.conference.application.view.SharingView.RequestEntry;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Involvement;
import org.roundtable.conference.domain.model.record.SharingDecision;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/**
 * Who sees what of the family's information. The family states a preference per agency and
 * kind; staff access follows it at once (open live connections included). A professional may
 * share against it on a lawful basis with a reason, which goes in the ledger the family reads,
 * unless the chair restricts that entry until a review date. Every override ends on its own
 * review date unless a worker of its agency renews it with a new reason.
 */
@ApplicationScoped
@Transactional
public class SharingService {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private FamilyService families;

    @Inject
    private SharingRules rules;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Inject
    private Clock clock;

    @Inject
    private SharingNotices notices;

    public SharingView view(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        LocalDate today = LocalDate.now(clock);
        var agencies = new ArrayList<AgencyPreferences>();
        Map<UUID, String> names = new HashMap<>();
        for (Involvement i : families.involvements(familyId)) {
            if (!i.isActiveOn(today) || names.containsKey(i.agency().id())) {
                continue;
            }
            names.put(i.agency().id(), i.agency().name());
            var preferences = new EnumMap<InformationKind, SharingPreference>(InformationKind.class);
            for (InformationKind kind : InformationKind.values()) {
                preferences.put(kind, rules.preference(familyId, i.agency().id(), kind));
            }
            agencies.add(new AgencyPreferences(i.agency().id(), i.agency().name(), preferences));
        }
        var ledger = new ArrayList<LedgerEntry>();
        int withheld = 0;
        boolean family = !caller.isStaff();
        for (SharingDecision d : decisions(familyId)) {
            if (family && !d.visibleToFamilyOn(today)) {
                withheld++;
                continue;
            }
            String agency = agencyName(names, d.agencyId());
            ledger.add(new LedgerEntry(d.id(), d.agencyId(), agency, d.kind(), d.kind().plainWords(), d.lawfulBasis(), d.reason(),
                    d.decidedByName(), d.decidedAt(), d.reviewOn(), d.inForceOn(today), d.renewedById() != null,
                    family ? null : d.restrictionReason(), family ? null : d.restrictionReviewOn(), family ? null : d.restrictedByName()));
        }
        var requests = new ArrayList<RequestEntry>();
        for (SharingRequest r : requests(familyId)) {
            requests.add(new RequestEntry(r.id(), r.agencyId(), agencyName(names, r.agencyId()), r.kind(), r.kind().plainWords(), r.reason(),
                    r.days(), r.requestedByName(), r.requestedAt(), r.answerBy(), r.statusOn(today), r.answeredByName(), r.answeredAt(),
                    r.sharedUntil()));
        }
        return new SharingView(agencies, ledger, withheld, requests);
    }

    private String agencyName(Map<UUID, String> names, UUID agencyId) {
        return names.computeIfAbsent(agencyId, id -> lookup.require(Agency.class, id, "agency").name());
    }

    /** The family sets its preference for an agency working with it. */
    public SharingView setPreference(Caller caller, UUID familyId, PreferenceCommand command) {
        policy.requireFamilyMember(caller, familyId, "Only the family sets who its information is shared with.");
        LocalDate today = LocalDate.now(clock);
        boolean involved = families.involvements(familyId).stream()
                .anyMatch(i -> i.agency().id().equals(command.agencyId()) && i.isActiveOn(today));
        if (!involved) {
            throw new InvalidInput("agencyId", "That agency is not working with your family.");
        }
        boolean sharedBefore = rules.answer(familyId, command.agencyId(), command.kind()).shared();
        em.createNativeQuery("delete from sharing_preference where family_id = ?1 and agency_id = ?2 and kind = ?3")
                .setParameter(1, familyId).setParameter(2, command.agencyId()).setParameter(3, command.kind().name()).executeUpdate();
        em.createNativeQuery("""
                insert into sharing_preference (family_id, agency_id, kind, preference, set_by_name, set_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""").setParameter(1, familyId).setParameter(2, command.agencyId())
                .setParameter(3, command.kind().name()).setParameter(4, command.preference().name())
                .setParameter(5, caller.displayName()).setParameter(6, Timestamp.from(clock.instant())).executeUpdate();
        audit.record(caller, new AuditLog.Event("SHARING_PREFERENCE_SET", familyId, command.agencyId(), JSON.createObjectBuilder()
                .add("kind", command.kind().name()).add("preference", command.preference().name()).build().toString()), clock.instant());
        changed(familyId);
        boolean sharedAfter = rules.answer(familyId, command.agencyId(), command.kind()).shared();
        // Read inside this transaction: not to be kept if it rolls back.
        rules.forget();
        if (sharedBefore && !sharedAfter) {
            notices.agencyLostAccess(familyId, command.agencyId(), lookup.require(Agency.class, command.agencyId(), "agency").name(),
                    command.kind());
        }
        return view(caller, familyId);
    }

    /** A professional shares against the family's preference, for their own agency, on a lawful basis. */
    public SharingView override(Caller caller, UUID familyId, OverrideCommand command) {
        policy.requireCaseWorker(caller, familyId);
        requireReviewAfterToday(command.reviewOn());
        StaffMember staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        var decision = new SharingDecision(familyId, staff.agency().id(), command.kind(), command.lawfulBasis(), command.reason().strip(),
                staff.id(), staff.fullName(), clock.instant(), command.reviewOn());
        em.persist(decision);
        notices.overridden(decision, staff.agency().name(), false);
        audit.record(caller, new AuditLog.Event("SHARING_OVERRIDE", familyId, decision.id(), JSON.createObjectBuilder()
                .add("agencyId", staff.agency().id().toString()).add("kind", command.kind().name())
                .add("lawfulBasis", command.lawfulBasis().name()).add("reason", decision.reason())
                .add("reviewOn", command.reviewOn().toString()).build().toString()), clock.instant());
        changed(familyId);
        return view(caller, familyId);
    }

    /**
     * A worker of the same agency carries an override on with a new reason and review date: a
     * new ledger entry (the family is emailed, unless the chair holds the entry back, which the
     * renewal keeps).
     */
    public SharingView renew(Caller caller, UUID familyId, UUID decisionId, RenewalCommand command) {
        policy.requireCaseWorker(caller, familyId);
        SharingDecision earlier = em.find(SharingDecision.class, decisionId);
        if (earlier == null || !earlier.familyId().equals(familyId)) {
            throw new ResourceNotFound("sharing decision");
        }
        StaffMember staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        FamilyRecordAccess.requireMayRenewOverride(staff.agency().id(), earlier.agencyId());
        requireReviewAfterToday(command.reviewOn());
        var renewal = new SharingDecision(familyId, staff.agency().id(), earlier.kind(), command.lawfulBasis(), command.reason().strip(),
                staff.id(), staff.fullName(), clock.instant(), command.reviewOn());
        earlier.renewedBy(renewal);
        if (earlier.restrictionReviewOn() != null && !earlier.visibleToFamilyOn(LocalDate.now(clock))) {
            renewal.restrict(earlier.restrictionReason(), earlier.restrictionReviewOn(), earlier.restrictedByName());
        }
        em.persist(renewal);
        notices.overridden(renewal, staff.agency().name(), true);
        audit.record(caller, new AuditLog.Event("SHARING_OVERRIDE_RENEWED", familyId, renewal.id(), JSON.createObjectBuilder()
                .add("renews", earlier.id().toString()).add("lawfulBasis", command.lawfulBasis().name()).add("reason", renewal.reason())
                .add("reviewOn", command.reviewOn().toString()).build().toString()), clock.instant());
        changed(familyId);
        return view(caller, familyId);
    }

    private void requireReviewAfterToday(LocalDate reviewOn) {
        if (!reviewOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("reviewOn", "The review date must be after today.");
        }
    }

    /** The chair keeps a ledger entry from the family until a review date, or renews that with a new reason. */
    public SharingView restrict(Caller caller, UUID familyId, UUID decisionId, RestrictionCommand command) {
        policy.requireCaseWorker(caller, familyId);
        FamilyRecordAccess.requireMayHoldBackFromFamily(caller);
        SharingDecision decision = em.find(SharingDecision.class, decisionId);
        if (decision == null || !decision.familyId().equals(familyId)) {
            throw new ResourceNotFound("sharing decision");
        }
        decision.restrict(command.reason().strip(), command.reviewOn(), caller.displayName());
        audit.record(caller, new AuditLog.Event("SHARING_RESTRICTED", familyId, decision.id(), JSON.createObjectBuilder()
                .add("reason", command.reason().strip()).add("reviewOn", command.reviewOn().toString()).build().toString()), clock.instant());
        return view(caller, familyId);
    }

    List<SharingRequest> requests(UUID familyId) {
        return em.createQuery("select r from SharingRequest r where r.familyId = :f order by r.requestedAt desc", SharingRequest.class)
                .setParameter("f", familyId).getResultList();
    }

    List<SharingDecision> decisions(UUID familyId) {
        return em.createQuery("select d from SharingDecision d where d.familyId = :f order by d.decidedAt desc", SharingDecision.class)
                .setParameter("f", familyId).getResultList();
    }

    void changed(UUID familyId) {
        rules.forget();
        // Open live connections are checked again once this commits (the family's own before the call returns).
        accessChanged.fire(new AccessChanged("sharing changed", familyId));
    }
}
