package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.FamilyRecordAccess;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.record.DetailChange;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.record.DetailField;
import org.roundtable.shared.record.InformationKind;

/**
 * Someone moves in or leaves. The family may say so itself (as may its lead worker or a chair);
 * the lead worker is emailed whenever someone else made the change, and the change is in the
 * details history and the audit log. Someone who has left keeps their history (the day they
 * left; what they said stays) but no longer signs in.
 */
@ApplicationScoped
@Transactional
public class HouseholdChanges {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** How many people a family may add itself in any 24 hours. */
    public static final int FAMILY_ADDS_A_DAY = 10;

    /** A family adds nobody itself while this many live in its household. */
    public static final int MOST_PEOPLE_A_FAMILY_ADDS_TO = 50;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private FamilyService families;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private MailOutbox mail;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    /**
     * The member has left the household, from today. Nobody takes themselves off (a family
     * member cannot lock themselves out), and the family always keeps someone who signs in.
     */
    public MemberView end(Caller caller, UUID familyId, UUID memberId) {
        policy.requireMayChangeHousehold(caller, familyId);
        // One household change at a time per family: two members saying each other has left at the
        // same moment must not both pass the "someone still signs in" check below.
        em.find(Family.class, familyId, LockModeType.PESSIMISTIC_WRITE);
        FamilyMember member = families.requireMemberOf(familyId, memberId);
        String theirAddress = member.email();
        if (!member.isCurrent()) {
            throw new DomainRuleViolation(member.fullName() + " has already left the household.");
        }
        FamilyRecordAccess.requireNotTakingThemselvesOff(caller, member.id());
        if (addresses.isConfirmedFor(CallerKind.FAMILY_MEMBER, member.id(), member.email()) && othersWhoSignIn(familyId, member.id()) == 0) {
            throw new DomainRuleViolation(member.fullName() + " is the only person in the family who signs in. "
                    + "Add the person who will sign in for the family first, so the family can still see its record.");
        }
        LocalDate today = LocalDate.now(clock);
        member.leave(today);
        addresses.give(CallerKind.FAMILY_MEMBER, member.id(), member.fullName(), null, member.language());
        em.createQuery("delete from UserSession s where s.callerKind = :k and s.callerId = :id")
                .setParameter("k", CallerKind.FAMILY_MEMBER).setParameter("id", member.id()).executeUpdate();
        em.persist(new DetailChange(familyId, member.id(), DetailField.HOUSEHOLD, "Lives in the household",
                "Left the household on " + today, caller, null, clock.instant()));
        audit.record(caller, new AuditLog.Event("FAMILY_MEMBER_LEFT", familyId, member.id(), JSON.createObjectBuilder()
                .add("name", member.fullName()).add("leftOn", today.toString()).build().toString()), clock.instant());
        tellLeadWorker(caller, familyId, "Roundtable: someone has left the household",
                caller.displayName() + " says " + member.fullName() + " has left the household (from " + today + ").\n"
                        + member.fullName() + " can no longer sign in to the family's record. What they said before stays in it.\n");
        if (theirAddress != null) {
            // The person taken off hears of it, so a mistake (or a change made against them) is put right.
            var words = MailTexts.in(member.language());
            mail.queue(theirAddress, words.get("left.subject"),
                    words.fill("left.body", Texts.values("name", member.fullName(), "by", caller.displayName())));
        }
        accessChanged.fire(new AccessChanged("a family member left the household"));
        // A worker the family keeps its details from learns none of them by saying someone has left.
        return policy.isShared(caller, familyId, InformationKind.DETAILS) ? MemberView.of(member) : MemberView.withheld(member);
    }

    /**
     * What a family adds itself is bounded, so a careless or stolen sign-in cannot fill the
     * record (and others' pages) with people, or send confirmation emails to address after
     * address: at most {@value #FAMILY_ADDS_A_DAY} people in any 24 hours, and none while
     * {@value #MOST_PEOPLE_A_FAMILY_ADDS_TO} or more live in the household. The lead worker and
     * chairs, who answer for what they do, are not held to these. Takes the household's lock
     * first, so additions sent at once are counted one after another.
     */
    void requireRoomForSomeoneNew(Caller caller, UUID familyId) {
        em.find(Family.class, familyId, LockModeType.PESSIMISTIC_WRITE);
        if (caller.kind() != CallerKind.FAMILY_MEMBER) {
            return;
        }
        long living = em.createQuery("select count(m) from FamilyMember m where m.family.id = :f and m.leftOn is null", Long.class)
                .setParameter("f", familyId).getSingleResult();
        if (living >= MOST_PEOPLE_A_FAMILY_ADDS_TO) {
            throw new DomainRuleViolation("Your family's record already lists " + MOST_PEOPLE_A_FAMILY_ADDS_TO
                    + " people living with you. Say who has left first, or ask your lead worker to add this person.");
        }
        Instant now = clock.instant();
        List<Instant> added = em.createQuery("""
                select c.changedAt from DetailChange c
                where c.familyId = :f and c.field = :household and c.oldValue is null and c.changedByKind = :family and c.changedAt > :since
                order by c.changedAt""", Instant.class)
                .setParameter("f", familyId).setParameter("household", DetailField.HOUSEHOLD).setParameter("family", CallerKind.FAMILY_MEMBER)
                .setParameter("since", now.minus(Duration.ofDays(1))).getResultList();
        if (added.size() >= FAMILY_ADDS_A_DAY) {
            Duration wait = Duration.between(now, added.get(added.size() - FAMILY_ADDS_A_DAY).plus(Duration.ofDays(1)));
            throw new TryLater("Your family has added " + FAMILY_ADDS_A_DAY + " people in the last day. Try again tomorrow, "
                    + "or ask your lead worker to add this person.", wait, false);
        }
    }

    /** Someone new is in the household: the details history says so, and the lead worker hears of it. */
    void added(Caller caller, UUID familyId, FamilyMember member) {
        em.persist(new DetailChange(familyId, member.id(), DetailField.HOUSEHOLD, null,
                member.fullName() + " was added to the family", caller, null, clock.instant()));
        tellLeadWorker(caller, familyId, "Roundtable: someone was added to a family you lead",
                caller.displayName() + " added " + member.fullName()
                        + (member.relationship() == null ? "" : " (" + member.relationship() + ")") + " to the family.\n"
                        + (member.email() == null ? "" : "They will sign in with " + member.email() + " once they confirm it.\n"));
    }

    /** The lead worker is emailed about a household change they did not make themselves. */
    private void tellLeadWorker(Caller by, UUID familyId, String subject, String what) {
        UUID lead = policy.leadWorker(familyId);
        if (lead == null || lead.equals(by.id())) {
            return;
        }
        StaffMember staff = em.find(StaffMember.class, lead);
        if (staff == null || staff.email() == null) {
            return;
        }
        mail.queue(staff.email(), subject, "Hello " + staff.fullName() + ",\n\n" + what + "\n"
                + "The family's record: " + PublicAddress.base() + "/families/" + familyId + "\n");
    }

    private long othersWhoSignIn(UUID familyId, UUID except) {
        return em.createQuery("""
                select count(a) from SignInAddress a, FamilyMember m
                where a.callerKind = :k and a.callerId = m.id and m.family.id = :f and a.confirmedAt is not null
                    and m.id <> :except and m.leftOn is null""", Long.class)
                .setParameter("k", CallerKind.FAMILY_MEMBER).setParameter("f", familyId).setParameter("except", except)
                .getSingleResult();
    }
}
