package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.AdvocateCommand;
import org.roundtable.conference.application.command.InvolvementCommand;
import org.roundtable.conference.application.command.InvolvementUpdateCommand;
import org.roundtable.conference.application.view.AdvocateView;
import org.roundtable.conference.application.view.InvolvementView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.agency.AdvocacyOrganisation;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.AdvocateAssignment;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.Involvement;
import org.roundtable.conference.domain.model.family.Period;
import org.roundtable.shared.domain.CallerKind;

/** Which agencies work with a family, and which advocate stands beside it. */
@ApplicationScoped
@Transactional
public class InvolvementService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private FamilyService families;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private FamilyNotices notices;

    public List<InvolvementView> list(Caller caller, UUID familyId) {
        policy.requireSignedIn(caller);
        if (!policy.canSeeInvolvements(caller, familyId)) {
            throw new ResourceNotFound("family");
        }
        lookup.require(Family.class, familyId, "family");
        LocalDate today = LocalDate.now(clock);
        return families.involvements(familyId).stream().map(i -> InvolvementView.of(i, today)).toList();
    }

    public InvolvementView add(Caller caller, UUID familyId, InvolvementCommand command) {
        policy.requireInvolvementManager(caller, familyId);
        var family = lookup.require(Family.class, familyId, "family");
        var agency = lookup.require(Agency.class, command.agencyId(), "agency");
        requirePractitioners(agency);
        var lead = requireStaffOf(agency, command.leadPractitionerId());
        var period = periodOf(command.startsOn(), command.endsOn());
        boolean overlaps = families.involvements(familyId).stream()
                .anyMatch(i -> i.agency().id().equals(agency.id()) && overlap(i.period(), period));
        if (overlaps) {
            throw new InvalidInput("agencyId", agency.name() + " is already involved with this family for part of that time.");
        }
        var involvement = new Involvement(family, agency, lead, period);
        em.persist(involvement);
        accessChanged.fire(new AccessChanged("involvement added"));
        return InvolvementView.of(involvement, LocalDate.now(clock));
    }

    public InvolvementView update(Caller caller, UUID familyId, UUID involvementId, InvolvementUpdateCommand command) {
        policy.requireInvolvementManager(caller, familyId);
        var involvement = lookup.require(Involvement.class, involvementId, "involvement");
        if (!involvement.family().id().equals(familyId)) {
            throw new ResourceNotFound("involvement");
        }
        policy.requireMayChangeInvolvement(caller, familyId, involvement.agency().id());
        var lead = requireStaffOf(involvement.agency(), command.leadPractitionerId());
        involvement.change(lead, periodOf(command.startsOn(), command.endsOn()));
        accessChanged.fire(new AccessChanged("involvement changed"));
        return InvolvementView.of(involvement, LocalDate.now(clock));
    }

    public List<AdvocateView> advocates(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        return families.advocateViews(familyId);
    }

    /**
     * The lead worker or a chair assigns an advocate, reusing the advocate's record when the
     * address is already an advocate's. The address signs in only once confirmed; the family is
     * told, and the audit log keeps who added whom.
     */
    public AdvocateView assignAdvocate(Caller caller, UUID familyId, AdvocateCommand command) {
        policy.requireLeadWorkerOrChair(caller, familyId);
        var family = lookup.require(Family.class, familyId, "family");
        String email = SignInAddress.normalise(command.email());
        String organisation = organisationOf(command);
        var advocate = em.createQuery("select a from Advocate a where lower(a.email) = :e", Advocate.class)
                .setParameter("e", email).getResultStream().findFirst()
                .orElseGet(() -> new Advocate(command.fullName().strip(), email, organisation));
        addresses.requireFree(email, CallerKind.ADVOCATE, advocate.id());
        if (!em.contains(advocate)) {
            em.persist(advocate);
        }
        boolean pending = addresses.give(CallerKind.ADVOCATE, advocate.id(), advocate.fullName(), email, advocate.language());
        var assignment = new AdvocateAssignment(family, advocate, new Period(command.startsOn(), null));
        em.persist(assignment);
        notices.added(caller, familyId, FamilyNotices.Newcomer.ADVOCATE, assignment.id(), advocate.id(), advocate.fullName(), email);
        accessChanged.fire(new AccessChanged("advocate assigned"));
        return AdvocateView.of(assignment, pending);
    }

    /** The organisation chosen from the administrator's list, else the name typed (if any). */
    private String organisationOf(AdvocateCommand command) {
        if (command.organisationId() == null) {
            return FamilyService.blankToNull(command.organisation());
        }
        var organisation = em.find(AdvocacyOrganisation.class, command.organisationId());
        if (organisation == null) {
            throw new InvalidInput("organisationId", "Choose the advocate's organisation from the list");
        }
        return organisation.name();
    }

    /** A practitioner of the agency; administrators see no case detail, so never lead work with a family. */
    private StaffMember requireStaffOf(Agency agency, UUID staffId) {
        var staff = lookup.require(StaffMember.class, staffId, "member of staff");
        if (!staff.agency().id().equals(agency.id())) {
            throw new InvalidInput("leadPractitionerId", "The lead practitioner must work for " + agency.name() + ".");
        }
        if (staff.isAdministrator()) {
            throw new InvalidInput("leadPractitionerId", staff.fullName() + " is an administrator, and administrators see no case detail. "
                    + "Choose a practitioner who works with families.");
        }
        return staff;
    }

    private void requirePractitioners(Agency agency) {
        long practitioners = em.createQuery("""
                select count(s) from StaffMember s where s.agency.id = :a and s.active = true and s.administrator = false""", Long.class)
                .setParameter("a", agency.id()).getSingleResult();
        if (practitioners == 0) {
            throw new InvalidInput("agencyId", agency.name() + " has only administrators, who see no case detail. Choose an agency that works with families.");
        }
    }

    /** The dates as typed, with a mistake reported beside the end date. */
    private static Period periodOf(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidInput("endsOn", "The end date must be the same as or after the start date.");
        }
        return new Period(startsOn, endsOn);
    }

    private static boolean overlap(Period a, Period b) {
        LocalDate farFuture = LocalDate.MAX;
        LocalDate aEnd = a.endsOn() == null ? farFuture : a.endsOn();
        LocalDate bEnd = b.endsOn() == null ? farFuture : b.endsOn();
        return !a.startsOn().isAfter(bEnd) && !b.startsOn().isAfter(aEnd);
    }
}
