package org.roundtable.conference.application.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Contact;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.record.InformationKind;

/**
 * Who may see a family and manage its case and its plan; the decisions that belong to one person
 * or role sit beside it in this package ({@link OwnActions}, {@link ConferenceAccess},
 * {@link RoomAccess}, {@link FamilyRecordAccess}). Every application service asks here before it
 * reads or changes anything, always against current data (an involvement that ended yesterday
 * grants nothing today).
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

    private AccessRecords records;

    private Clock clock;

    private SharingRules sharing;

    /** For the container's proxy. */
    protected AccessPolicy() {
    }

    @Inject
    public AccessPolicy(AccessRecords records, SharingRules sharing, Clock clock) {
        this.records = records;
        this.sharing = sharing;
        this.clock = clock;
    }

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
        return familyId != null && canSee(caller, today(familyId));
    }

    private boolean canSee(Caller caller, FamilyToday family) {
        if (caller == null) {
            return false;
        }
        return switch (caller.kind()) {
            // Administrators see no case detail, even if their agency were somehow involved.
            case STAFF -> !caller.isAdministrator() && caller.agencyId() != null && family.worksWith(caller.agencyId());
            case FAMILY_MEMBER -> family.id().equals(caller.familyId());
            case ADVOCATE -> records.advocateAssigned(caller.id(), family.id(), family.day());
        };
    }

    /** What the rules know of the family today, each asked of the records at most once. */
    private FamilyToday today(UUID familyId) {
        if (familyId == null) {
            // No family is no family anyone may see: the same 404 as an unknown one.
            throw new ResourceNotFound("family");
        }
        return new FamilyToday(records, familyId, LocalDate.now(clock));
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
        toChangeThePlan(caller, familyId);
    }

    /**
     * Reading or changing the whole plan outside the live room (the REST API, posting progress):
     * visible, shared with the caller's agency, and the caller not kept out of a private part
     * that is running, in that order. Decided on one reading of who works with the family, which
     * the rules for the change itself ({@link PlanEditPolicy}) use again.
     */
    public PlanAccess toChangeThePlan(Caller caller, UUID familyId) {
        requireSignedIn(caller);
        FamilyToday family = today(familyId);
        if (!canSee(caller, family)) {
            throw new ResourceNotFound("family");
        }
        requireShared(caller, familyId, InformationKind.PLAN);
        requireNotKeptOutOfPlan(caller, familyId);
        return new PlanAccess(caller, family, true);
    }

    /**
     * Reading the plan where an agency's own actions are enough (the plan, its sign-off):
     * visible, and not kept out of a private part. The answer says whether the caller's agency
     * sees only the actions it owns, because the family does not share the rest of the plan with
     * it: an agency always sees, and can sign, what it agreed to do.
     */
    public PlanAccess toReadThePlan(Caller caller, UUID familyId) {
        requireSignedIn(caller);
        FamilyToday family = today(familyId);
        if (!canSee(caller, family)) {
            throw new ResourceNotFound("family");
        }
        requireNotKeptOutOfPlan(caller, familyId);
        return new PlanAccess(caller, family, isShared(caller, familyId, InformationKind.PLAN));
    }

    /** As {@link #toReadThePlan}, when only the answer matters. */
    public boolean seesOnlyOwnActions(Caller caller, UUID familyId) {
        return toReadThePlan(caller, familyId).seesOnlyOwnActions();
    }

    /**
     * Changing the plan from the live room, whose connection was let in on joining and is
     * checked again whenever access may have changed: only whether the caller's agency sees the
     * whole plan is asked here.
     */
    public PlanAccess inTheRoom(Caller caller, UUID familyId) {
        return new PlanAccess(caller, today(familyId), isShared(caller, familyId, InformationKind.PLAN));
    }

    /**
     * While a private part of one of the family's conferences runs, those it keeps out see none
     * of the plan (the live room pauses them; every other path refuses) until it ends.
     */
    public void requireNotKeptOutOfPlan(Caller caller, UUID familyId) {
        if (caller == null) {
            return;
        }
        if (records.keptOutOfPlan(caller.id(), familyId)) {
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
        return records.leadWorker(familyId, LocalDate.now(clock)).orElse(null);
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
            case STAFF -> invitee.staffMember().isActive()
                    && records.agenciesWorkingWith(familyId, LocalDate.now(clock)).contains(invitee.staffMember().agency().id());
            case FAMILY_MEMBER -> !invitee.hasLeftTheFamily();
            case ADVOCATE -> records.advocateAssigned(invitee.personId(), familyId, LocalDate.now(clock));
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
}
