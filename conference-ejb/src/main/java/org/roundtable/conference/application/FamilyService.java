package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.FamilyCommand;
import org.roundtable.conference.application.command.MemberCommand;
import org.roundtable.conference.application.view.AdvocateView;
import org.roundtable.conference.application.view.FamilySummary;
import org.roundtable.conference.application.view.FamilyView;
import org.roundtable.conference.application.view.InvolvementView;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.AdvocateAssignment;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.Involvement;
import org.roundtable.conference.domain.model.family.Period;
import org.roundtable.conference.domain.model.family.PreferredContact;
import org.roundtable.conference.domain.model.plan.ActionPlan;
import org.roundtable.conference.infrastructure.persistence.PlanStore;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.record.InformationKind;

/** Families (cases) and their members. */
@ApplicationScoped
@Transactional
public class FamilyService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private Clock clock;

    @Inject
    private PlanStore plans;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private FamilyNotices notices;

    @Inject
    private HouseholdChanges household;

    @Inject
    private PersonLanguages languages;

    /**
     * The families the caller may see: for staff those their agency works with today; for a
     * family member their own; for an advocate those assigned; for an administrator every family,
     * by name only (to manage involvements).
     */
    public Page<FamilySummary> list(Caller caller, PageRequest page) {
        policy.requireSignedIn(caller);
        if (caller.isAdministrator()) {
            return lookup.page(em.createQuery("select f from Family f order by f.name", Family.class),
                    em.createQuery("select count(f) from Family f", Long.class), page, FamilySummary::of);
        }
        String where = switch (caller.kind()) {
            case STAFF -> "exists (select i from Involvement i where i.family = f and i.agency.id = :me "
                    + "and i.startsOn <= :today and (i.endsOn is null or i.endsOn >= :today))";
            case FAMILY_MEMBER -> "f.id = :me";
            case ADVOCATE -> "exists (select a from AdvocateAssignment a where a.family = f and a.advocate.id = :me "
                    + "and a.startsOn <= :today and (a.endsOn is null or a.endsOn >= :today))";
        };
        UUID me = switch (caller.kind()) {
            case STAFF -> caller.agencyId();
            case FAMILY_MEMBER -> caller.familyId();
            case ADVOCATE -> caller.id();
        };
        var query = em.createQuery("select f from Family f where " + where + " order by f.name", Family.class)
                .setParameter("me", me);
        var count = em.createQuery("select count(f) from Family f where " + where, Long.class).setParameter("me", me);
        if (caller.kind() != CallerKind.FAMILY_MEMBER) {
            query.setParameter("today", LocalDate.now(clock));
            count.setParameter("today", LocalDate.now(clock));
        }
        return lookup.page(query, count, page, FamilySummary::of);
    }

    /** A member of staff opens a case: their agency becomes involved from today, with them as lead. */
    public FamilySummary create(Caller caller, FamilyCommand command) {
        policy.requireMayOpenCase(caller);
        var staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        var family = new Family(command.name().strip(), blankToNull(command.reference()), clock.instant());
        em.persist(family);
        var plan = new ActionPlan(family);
        em.persist(plan);
        plans.initialise(plan, new PlanDocument());
        em.persist(new Involvement(family, staff.agency(), staff, new Period(LocalDate.now(clock), null)));
        return FamilySummary.of(family);
    }

    public FamilyView get(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        var family = lookup.require(Family.class, familyId, "family");
        LocalDate today = LocalDate.now(clock);
        boolean shared = policy.isShared(caller, familyId, InformationKind.DETAILS);
        var everyone = members(familyId, shared);
        return new FamilyView(family.id(), family.name(), family.reference(), family.strategyDiscussionOn(),
                shared ? family.messageToWorkers() : null, !shared,
                everyone.stream().filter(m -> m.leftOn() == null).toList(),
                everyone.stream().filter(m -> m.leftOn() != null).toList(),
                involvements(familyId).stream().map(i -> InvolvementView.of(i, today)).toList(),
                advocateViews(familyId));
    }

    public FamilySummary update(Caller caller, UUID familyId, FamilyCommand command) {
        policy.requireCaseWorker(caller, familyId);
        var family = lookup.require(Family.class, familyId, "family");
        family.rename(command.name().strip(), blankToNull(command.reference()));
        family.recordStrategyDiscussion(command.strategyDiscussionOn());
        return FamilySummary.of(family);
    }

    public List<MemberView> listMembers(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        return members(familyId, policy.isShared(caller, familyId, InformationKind.DETAILS));
    }

    /** The members as the caller may see them, with whose sign-in address still waits for confirmation. */
    private List<MemberView> members(UUID familyId, boolean shared) {
        var members = membersOf(familyId);
        if (!shared) {
            return members.stream().map(MemberView::withheld).toList();
        }
        var pending = addresses.awaitingConfirmation(CallerKind.FAMILY_MEMBER, members.stream().map(FamilyMember::id).toList());
        return members.stream().map(m -> MemberView.of(m, pending.contains(m.id()))).toList();
    }

    /**
     * The family (someone moved in), its lead worker or a chair adds someone to the family. Their
     * email signs them in only once they confirm it; the family and the lead worker are told, and
     * the audit log and the details history keep who added whom.
     */
    public MemberView addMember(Caller caller, UUID familyId, MemberCommand command) {
        policy.requireMayChangeHousehold(caller, familyId);
        Family family = lookup.require(Family.class, familyId, "family");
        household.requireRoomForSomeoneNew(caller, familyId);
        var member = new FamilyMember(family, command.details());
        member.describe(command.relationshipOrNull(), command.preferredContactOrNull());
        requireReachable(member, command.preferredContactOrNull());
        String email = member.email();
        if (email != null) {
            addresses.requireFree(email, CallerKind.FAMILY_MEMBER, member.id());
        }
        em.persist(member);
        boolean pending = addresses.give(CallerKind.FAMILY_MEMBER, member.id(), member.fullName(), email,
                languages.of(caller.kind(), caller.id()));
        notices.added(caller, familyId, FamilyNotices.Newcomer.FAMILY_MEMBER, member.id(), member.id(), member.fullName(), email);
        household.added(caller, familyId, member);
        return MemberView.of(member, pending);
    }

    /** The way the person asked to be reached must be one we can use: a phone for calls and texts, an email for email. */
    private static void requireReachable(FamilyMember member, PreferredContact preferred) {
        if (preferred == null) {
            return;
        }
        var d = member.details();
        if (preferred.needsPhone() && d.phone() == null) {
            throw new InvalidInput("phone", "Enter a phone number, or choose another way to contact " + member.fullName());
        }
        if (!preferred.needsPhone() && d.email() == null) {
            throw new InvalidInput("email", "Enter an email address, or choose another way to contact " + member.fullName());
        }
    }

    FamilyMember requireMemberOf(UUID familyId, UUID memberId) {
        var member = lookup.require(FamilyMember.class, memberId, "family member");
        if (!member.family().id().equals(familyId)) {
            throw new ResourceNotFound("family member");
        }
        return member;
    }

    List<FamilyMember> membersOf(UUID familyId) {
        return em.createQuery("select m from FamilyMember m where m.family.id = :f order by m.dateOfBirth nulls last, m.fullName",
                FamilyMember.class).setParameter("f", familyId).getResultList();
    }

    List<Involvement> involvements(UUID familyId) {
        return em.createQuery("""
                select i from Involvement i join fetch i.agency join fetch i.leadPractitioner
                where i.family.id = :f order by i.startsOn""", Involvement.class)
                .setParameter("f", familyId).getResultList();
    }

    /** The family's advocates, with whose sign-in address still waits for confirmation. */
    List<AdvocateView> advocateViews(UUID familyId) {
        var assignments = advocates(familyId);
        var pending = addresses.awaitingConfirmation(CallerKind.ADVOCATE, assignments.stream().map(a -> a.advocate().id()).toList());
        return assignments.stream().map(a -> AdvocateView.of(a, pending.contains(a.advocate().id()))).toList();
    }

    List<AdvocateAssignment> advocates(UUID familyId) {
        return em.createQuery("""
                select a from AdvocateAssignment a join fetch a.advocate
                where a.family.id = :f order by a.startsOn""", AdvocateAssignment.class)
                .setParameter("f", familyId).getResultList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
