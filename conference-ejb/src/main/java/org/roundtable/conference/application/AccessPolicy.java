package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Contact;
import org.roundtable.shared.domain.AgencyKind;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.record.InformationKind;

/**
 * Who may see and do what: the one place where it is decided. Every application service asks
 * here before it reads or changes anything, always against current data (an involvement that
 * ended yesterday grants nothing today).
 *
 * <ul>
 * <li>Staff see a family only while their agency is involved with it.</li>
 * <li>Family members see only their own family; advocates only the families they are assigned to.</li>
 * <li>Chairs manage the conferences they chair.</li>
 * <li>Administrators manage agencies, staff and involvements, and see no case detail.</li>
 * </ul>
 * A caller who may not see a family is told it does not exist, so ids cannot be probed.
 */
@ApplicationScoped
public class AccessPolicy {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private SharingRules sharing;

    public Caller requireSignedIn(Caller caller) {
        if (caller == null) {
            throw new NotSignedIn();
        }
        return caller;
    }

    public void requireAdministrator(Caller caller) {
        requireSignedIn(caller);
        if (!caller.isAdministrator()) {
            throw new AccessDenied("Only an administrator can do this.");
        }
    }

    public void requireStaff(Caller caller) {
        requireSignedIn(caller);
        if (!caller.isStaff()) {
            throw new AccessDenied("Only agency staff can do this.");
        }
    }

    /** Opening a case: agency staff, but not an administrator acting as one (they see no case detail). */
    public void requireMayOpenCase(Caller caller) {
        requireStaff(caller);
        if (caller.isAdministrator()) {
            throw new AccessDenied("Administrators manage agencies and staff; a case is opened by the staff working with the family.");
        }
    }

    public boolean canSeeFamily(Caller caller, UUID familyId) {
        if (caller == null || familyId == null) {
            return false;
        }
        return switch (caller.kind()) {
            // Administrators see no case detail, even if their agency were somehow involved.
            case STAFF -> !caller.isAdministrator() && isAgencyInvolved(caller.agencyId(), familyId);
            case FAMILY_MEMBER -> familyId.equals(caller.familyId());
            case ADVOCATE -> isAdvocateAssigned(caller.id(), familyId);
        };
    }

    /** Read access to a family's case: members, involvements, plan, contacts, conferences. */
    public void requireFamilyVisible(Caller caller, UUID familyId) {
        requireSignedIn(caller);
        if (!canSeeFamily(caller, familyId)) {
            throw new ResourceNotFound("family");
        }
    }

    /**
     * Staff see each kind of a family's information only if the family shares it with their
     * agency, or someone there recorded an override. Families and advocates are not limited.
     */
    public void requireShared(Caller caller, UUID familyId, InformationKind kind) {
        if (caller == null || !caller.isStaff()) {
            return;
        }
        var answer = sharing.answer(familyId, caller.agencyId(), kind);
        if (!answer.shared()) {
            throw new NotShared(kind, answer.waiting());
        }
    }

    public boolean isShared(Caller caller, UUID familyId, InformationKind kind) {
        return caller == null || !caller.isStaff() || sharing.answer(familyId, caller.agencyId(), kind).shared();
    }

    /** Reading one kind of a family's information: visible, and shared with the caller's agency. */
    public void requireVisibleAndShared(Caller caller, UUID familyId, InformationKind kind) {
        requireFamilyVisible(caller, familyId);
        requireShared(caller, familyId, kind);
    }

    /**
     * Reading any of the plan, on any path (the plan, its sign-off, a record or minutes that
     * hold it, the family's data export): visible, shared with the caller's agency, and the
     * caller is not kept out of a private part that is running.
     */
    public void requirePlanReadable(Caller caller, UUID familyId) {
        requireVisibleAndShared(caller, familyId, InformationKind.PLAN);
        requireNotKeptOutOfPlan(caller, familyId);
    }

    /**
     * Reading the plan where an agency's own actions are enough (the plan, its sign-off):
     * visible, and not kept out of a private part. True when the caller's agency may see only the
     * actions it owns, because the family does not share the rest of the plan with it: an agency
     * always sees, and can sign, what it agreed to do.
     */
    public boolean seesOnlyOwnActions(Caller caller, UUID familyId) {
        requireFamilyVisible(caller, familyId);
        requireNotKeptOutOfPlan(caller, familyId);
        return !isShared(caller, familyId, InformationKind.PLAN);
    }

    /**
     * While a private part of one of the family's conferences runs, those it keeps out see none
     * of the plan (the live room pauses them; every other path refuses) until it ends.
     */
    public void requireNotKeptOutOfPlan(Caller caller, UUID familyId) {
        if (caller == null) {
            return;
        }
        long keptOut = em.createQuery("""
                select count(i) from Invitee i left join i.staffMember s left join i.familyMember m left join i.advocate a,
                    PrivatePart p join p.excludedInvitees x
                where p.conferenceId = i.conference.id and p.endedAt is null and x = i.id and i.conference.family.id = :f
                    and (s.id = :person or m.id = :person or a.id = :person)""", Long.class)
                .setParameter("f", familyId).setParameter("person", caller.id()).getSingleResult();
        if (keptOut > 0) {
            throw new AccessDenied("Part of the conference is being held without you. You can see the plan again when it ends.");
        }
    }

    /** What only the family itself does (its details, its sharing choices, its data export); refused with the reason given. */
    public void requireFamilyMember(Caller caller, UUID familyId, String refusal) {
        requireFamilyVisible(caller, familyId);
        if (caller.kind() != CallerKind.FAMILY_MEMBER) {
            throw new AccessDenied(refusal);
        }
    }

    /** Changing a family's case record: staff of an agency involved today. */
    public void requireCaseWorker(Caller caller, UUID familyId) {
        requireFamilyVisible(caller, familyId);
        if (!caller.isStaff()) {
            throw new AccessDenied("Only staff of an agency working with this family can change this.");
        }
    }

    /**
     * Adding someone who will see the family's record as the family (a member) or beside it (an
     * advocate): the family's lead worker or a chair working with the family, never an administrator.
     * Who the family's lead worker is: see {@link #leadWorkerOf}.
     */
    public void requireLeadWorkerOrChair(Caller caller, UUID familyId) {
        requireCaseWorker(caller, familyId);
        if (caller.isAdministrator() || !(caller.isChair() || caller.id().equals(leadWorkerOf(familyId)))) {
            throw new AccessDenied("Only the family's lead worker or a chair can add a family member or an advocate.");
        }
    }

    /**
     * Changing who is in the household (someone moved in, someone left): the family itself, or
     * its lead worker or a chair working with it. Advocates and other agencies' staff may not.
     */
    public void requireMayChangeHousehold(Caller caller, UUID familyId) {
        requireFamilyVisible(caller, familyId);
        if (caller.kind() == CallerKind.FAMILY_MEMBER) {
            return;
        }
        if (!caller.isStaff()) {
            throw new AccessDenied("Only the family, its lead worker or a chair can change who is in the household.");
        }
        if (caller.isAdministrator() || !(caller.isChair() || caller.id().equals(leadWorkerOf(familyId)))) {
            throw new AccessDenied("Only the family, its lead worker or a chair can change who is in the household.");
        }
    }

    /** The family's lead worker's id (see below), or null when no agency works with the family today. */
    public UUID leadWorker(UUID familyId) {
        return leadWorkerOf(familyId);
    }

    /**
     * The family's lead worker: children's social care's lead practitioner when it works with the
     * family, else the lead of the involvement recorded first among those active today (the agency
     * that opened the case). Dates typed into an involvement never make someone the lead worker.
     */
    private UUID leadWorkerOf(UUID familyId) {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("""
                select i.leadPractitioner.id from Involvement i
                where i.family.id = :family and i.startsOn <= :today and (i.endsOn is null or i.endsOn >= :today)
                order by case when i.agency.kind = :social then 0 else 1 end, i.recordedAt nulls first, i.startsOn, i.id""", UUID.class)
                .setParameter("family", familyId).setParameter("today", today).setParameter("social", AgencyKind.CHILDRENS_SOCIAL_CARE)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** Who may set up who works with a family: administrators, and staff already involved (a referral). */
    public void requireInvolvementManager(Caller caller, UUID familyId) {
        requireSignedIn(caller);
        if (caller.isAdministrator()) {
            return;
        }
        requireCaseWorker(caller, familyId);
    }

    /**
     * Changing an involvement (its lead practitioner, its dates, ending it): an administrator, the
     * agency's own staff, or the family's lead worker or a chair working with the family. Another
     * agency's staff may refer (add an involvement) but never end or take over someone else's.
     */
    public void requireMayChangeInvolvement(Caller caller, UUID familyId, UUID involvedAgencyId) {
        requireSignedIn(caller);
        if (caller.isAdministrator()) {
            return;
        }
        requireCaseWorker(caller, familyId);
        if (!involvedAgencyId.equals(caller.agencyId()) && !caller.isChair() && !caller.id().equals(leadWorkerOf(familyId))) {
            throw new AccessDenied("Only the agency's own staff, the family's lead worker or a chair can change this agency's involvement.");
        }
    }

    public boolean canSeeInvolvements(Caller caller, UUID familyId) {
        return caller != null && (caller.isAdministrator() || canSeeFamily(caller, familyId));
    }

    /**
     * Whether someone on a conference's list may still be told about it (its time, its place, who
     * comes): an active member of staff of an agency working with the family, a member of the
     * family, or an advocate still beside it. Someone whose part ended is not sent the details.
     */
    public boolean mayBeToldAbout(org.roundtable.conference.domain.model.conference.Invitee invitee) {
        UUID familyId = invitee.conference().family().id();
        return switch (invitee.personKind()) {
            case STAFF -> invitee.staffMember().isActive() && isAgencyInvolved(invitee.staffMember().agency().id(), familyId);
            case FAMILY_MEMBER -> !invitee.hasLeftTheFamily();
            case ADVOCATE -> isAdvocateAssigned(invitee.personId(), familyId);
        };
    }

    public void requireConferenceVisible(Caller caller, Conference conference) {
        requireSignedIn(caller);
        if (!canSeeFamily(caller, conference.family().id())) {
            throw new ResourceNotFound("conference");
        }
    }

    public void requireChairOf(Caller caller, Conference conference) {
        requireConferenceVisible(caller, conference);
        if (!caller.isStaff() || !conference.isChairedBy(caller.id())) {
            throw new AccessDenied("Only the chair of this conference can change it.");
        }
    }

    public void requireMayScheduleConference(Caller caller, UUID familyId) {
        requireCaseWorker(caller, familyId);
        if (!caller.isChair()) {
            throw new AccessDenied("Only a chair can schedule a conference.");
        }
    }

    /** Everyone who can see the plan may propose goals and actions: it is the family's plan too. */
    public void requirePlanContributor(Caller caller, UUID familyId) {
        requireFamilyVisible(caller, familyId);
    }

    /** Staff can correct only what their own agency recorded. */
    public void requireMayCorrectContact(Caller caller, Contact contact) {
        requireCaseWorker(caller, contact.family().id());
        if (!contact.agency().id().equals(caller.agencyId())) {
            throw new AccessDenied("Only the agency that recorded this contact can correct it.");
        }
    }

    /** Staff lists are visible to administrators and to colleagues in the same agency. */
    public void requireMaySeeStaffOf(Caller caller, UUID agencyId) {
        requireStaff(caller);
        if (!caller.isAdministrator() && !agencyId.equals(caller.agencyId())) {
            throw new AccessDenied("You can only see the staff of your own agency.");
        }
    }

    private boolean isAgencyInvolved(UUID agencyId, UUID familyId) {
        if (agencyId == null) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("""
                select count(i) from Involvement i
                where i.agency.id = :agency and i.family.id = :family
                  and i.startsOn <= :today and (i.endsOn is null or i.endsOn >= :today)""", Long.class)
                .setParameter("agency", agencyId)
                .setParameter("family", familyId)
                .setParameter("today", today)
                .getSingleResult() > 0;
    }

    private boolean isAdvocateAssigned(UUID advocateId, UUID familyId) {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("""
                select count(a) from AdvocateAssignment a
                where a.advocate.id = :advocate and a.family.id = :family
                  and a.startsOn <= :today and (a.endsOn is null or a.endsOn >= :today)""", Long.class)
                .setParameter("advocate", advocateId)
                .setParameter("family", familyId)
                .setParameter("today", today)
                .getSingleResult() > 0;
    }

}
