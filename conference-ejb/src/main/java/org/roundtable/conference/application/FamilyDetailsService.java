package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.FamilyRecordAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.AboutCommand;
import org.roundtable.conference.application.command.DecisionCommand;
import org.roundtable.conference.application.command.MemberCommand;
import org.roundtable.conference.application.command.ProposalCommand;
import org.roundtable.conference.application.view.DetailChangeView;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.application.view.ProposalView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.DetailValues;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.MemberDetails;
import org.roundtable.conference.domain.model.record.DetailChange;
import org.roundtable.conference.domain.model.record.DetailProposal;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.record.DetailField;
import org.roundtable.shared.record.InformationKind;

/**
 * "Tell us once": the family keeps its own details, every involved agency reads the current
 * version, and every change is kept (who, what, when). Staff do not overwrite what the family
 * told them: they suggest a correction, and the family accepts or declines it.
 */
@ApplicationScoped
@Transactional
public class FamilyDetailsService {

    private static final List<DetailField> MEMBER_FIELDS = List.of(DetailField.FULL_NAME, DetailField.DATE_OF_BIRTH,
            DetailField.PHONE, DetailField.EMAIL, DetailField.ADDRESS, DetailField.PREFERRED_LANGUAGE, DetailField.ACCESS_NEEDS,
            DetailField.LIVES_IN_HOUSEHOLD);

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
    private SignInAddresses addresses;

    /** A family member updates a member's details (their own, or their children's). */
    public MemberView updateMember(Caller caller, UUID familyId, UUID memberId, MemberCommand command) {
        requireFamilyMember(caller, familyId);
        FamilyMember member = families.requireMemberOf(familyId, memberId);
        boolean pending = apply(caller, familyId, member, command.details(), null, clock.instant());
        return MemberView.of(member, pending);
    }

    public String updateAbout(Caller caller, UUID familyId, AboutCommand command) {
        requireFamilyMember(caller, familyId);
        Family family = lookup.require(Family.class, familyId, "family");
        String next = FamilyService.blankToNull(command.messageToWorkers());
        if (!Objects.equals(next, family.messageToWorkers())) {
            em.persist(new DetailChange(familyId, null, DetailField.MESSAGE_TO_WORKERS, family.messageToWorkers(), next, caller, null,
                    clock.instant()));
            family.tellWorkers(next);
        }
        return next;
    }

    public List<DetailChangeView> history(Caller caller, UUID familyId) {
        policy.requireVisibleAndShared(caller, familyId, InformationKind.DETAILS);
        return em.createQuery("select c from DetailChange c where c.familyId = :f order by c.changedAt desc", DetailChange.class)
                .setParameter("f", familyId).setMaxResults(500).getResultStream().map(DetailChangeView::of).toList();
    }

    public ProposalView propose(Caller caller, UUID familyId, UUID memberId, ProposalCommand command) {
        policy.requireCaseWorker(caller, familyId);
        policy.requireShared(caller, familyId, InformationKind.DETAILS);
        FamilyMember member = families.requireMemberOf(familyId, memberId);
        try {
            DetailValues.with(member.details(), command.field(), command.value());
        } catch (DomainRuleViolation e) {
            throw new InvalidInput("value", e.getMessage());
        }
        StaffMember staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        var proposal = new DetailProposal(familyId, memberId, command.field(), FamilyService.blankToNull(command.value()), command.reason().strip(),
                staff.id(), staff.fullName(), staff.agency().name(), clock.instant());
        em.persist(proposal);
        return ProposalView.of(proposal, member.fullName(), DetailValues.get(member.details(), command.field()));
    }

    public List<ProposalView> proposals(Caller caller, UUID familyId) {
        policy.requireVisibleAndShared(caller, familyId, InformationKind.DETAILS);
        Map<UUID, FamilyMember> members = new HashMap<>();
        families.membersOf(familyId).forEach(m -> members.put(m.id(), m));
        return em.createQuery("select p from DetailProposal p where p.familyId = :f order by p.proposedAt desc", DetailProposal.class)
                .setParameter("f", familyId).getResultStream()
                .map(p -> ProposalView.of(p, members.get(p.memberId()).fullName(), DetailValues.get(members.get(p.memberId()).details(), p.field())))
                .toList();
    }

    public ProposalView decide(Caller caller, UUID familyId, UUID proposalId, DecisionCommand command) {
        requireFamilyMember(caller, familyId);
        DetailProposal proposal = em.find(DetailProposal.class, proposalId);
        if (proposal == null || !proposal.familyId().equals(familyId)) {
            throw new ResourceNotFound("suggestion");
        }
        Instant now = clock.instant();
        proposal.decide(command.accept(), caller.displayName(), now);
        FamilyMember member = families.requireMemberOf(familyId, proposal.memberId());
        if (command.accept()) {
            apply(caller, familyId, member, DetailValues.with(member.details(), proposal.field(), proposal.proposedValue()), proposal.id(), now);
        }
        return ProposalView.of(proposal, member.fullName(), DetailValues.get(member.details(), proposal.field()));
    }

    /**
     * Applies a change of details; returns whether a new sign-in address now waits for
     * confirmation. An email address is a sign-in: only its owner changes it, and the new one
     * works once the person at it confirms it.
     */
    private boolean apply(Caller by, UUID familyId, FamilyMember member, MemberDetails next, UUID proposalId, Instant at) {
        MemberDetails before = member.details();
        boolean emailChanges = !Objects.equals(normalised(before.email()), normalised(next.email()));
        if (emailChanges) {
            FamilyRecordAccess.requireMayChangeSignInAddress(by, member);
        }
        if (emailChanges && next.email() != null) {
            addresses.requireFree(next.email(), CallerKind.FAMILY_MEMBER, member.id());
        }
        for (DetailField field : MEMBER_FIELDS) {
            String old = DetailValues.get(before, field);
            String now = DetailValues.get(next, field);
            if (!Objects.equals(old, now)) {
                em.persist(new DetailChange(familyId, member.id(), field, old, now, by, proposalId, at));
            }
        }
        member.update(next);
        return emailChanges && addresses.give(CallerKind.FAMILY_MEMBER, member.id(), member.fullName(), next.email(), member.language());
    }

    private static String normalised(String email) {
        return email == null ? null : SignInAddress.normalise(email);
    }

    private void requireFamilyMember(Caller caller, UUID familyId) {
        policy.requireFamilyMember(caller, familyId, caller != null && caller.isStaff()
                ? "The family keeps its own details. Suggest a correction instead; the family can accept it."
                : "Only members of the family change its details.");
    }
}
