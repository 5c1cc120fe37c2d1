package org.roundtable.conference.domain.model.conference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.InvitationAnswer;
import org.roundtable.shared.domain.InvitationStatus;
import org.roundtable.shared.domain.InviteeRole;

/** A person invited to a conference, in a role. Exactly one of staff, family member or advocate. */
@Entity
@Table(name = "conference_invitee")
public class Invitee {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conference_id")
    private Conference conference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InviteeRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "staff_member_id")
    private StaffMember staffMember;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "family_member_id")
    private FamilyMember familyMember;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "advocate_id")
    private Advocate advocate;

    // The invitation's lifecycle, as the chair's status tags show it.
    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "signed_in_at")
    private Instant signedInAt;

    @Column(name = "joined_at")
    private Instant joinedAt;

    // What the invitee said: coming or not (with a reason), and the help they need.
    @Enumerated(EnumType.STRING)
    private InvitationAnswer answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "cant_come_reason")
    private String cantComeReason;

    @Column(name = "interpreter_language")
    private String interpreterLanguage;

    @Column(name = "access_needs")
    private String accessNeeds;

    protected Invitee() {
    }

    private Invitee(Conference conference, InviteeRole role) {
        this.id = UUID.randomUUID();
        this.conference = Objects.requireNonNull(conference);
        this.role = Objects.requireNonNull(role);
    }

    static Invitee chair(Conference conference, StaffMember chair) {
        var invitee = new Invitee(conference, InviteeRole.CHAIR);
        invitee.staffMember = chair;
        return invitee;
    }

    public static Invitee staff(Conference conference, StaffMember staff, InviteeRole role) {
        if (role != InviteeRole.AGENCY_STAFF && role != InviteeRole.OBSERVER) {
            throw new DomainRuleViolation("Staff are invited as agency staff or observers.");
        }
        var invitee = new Invitee(conference, role);
        invitee.staffMember = staff;
        return invitee;
    }

    public static Invitee familyMember(Conference conference, FamilyMember member) {
        if (!member.family().id().equals(conference.family().id())) {
            throw new DomainRuleViolation("Only members of this family can be invited as family members.");
        }
        if (!member.isCurrent()) {
            throw new DomainRuleViolation(member.fullName() + " has left the household, so is not invited to its meetings.");
        }
        var invitee = new Invitee(conference, InviteeRole.FAMILY_MEMBER);
        invitee.familyMember = member;
        return invitee;
    }

    public static Invitee advocate(Conference conference, Advocate advocate) {
        var invitee = new Invitee(conference, InviteeRole.ADVOCATE);
        invitee.advocate = advocate;
        return invitee;
    }

    boolean samePersonAs(Invitee other) {
        return personKind() == other.personKind() && personId().equals(other.personId());
    }

    /** A family member who has since left the household: no longer told about the family's meetings. */
    public boolean hasLeftTheFamily() {
        return familyMember != null && !familyMember.isCurrent();
    }

    public boolean isStaffMember(UUID staffId) {
        return staffMember != null && staffMember.id().equals(staffId);
    }

    public boolean is(CallerKind kind, UUID personId) {
        return personKind() == kind && personId().equals(personId);
    }

    public CallerKind personKind() {
        if (staffMember != null) {
            return CallerKind.STAFF;
        }
        return familyMember != null ? CallerKind.FAMILY_MEMBER : CallerKind.ADVOCATE;
    }

    public UUID personId() {
        if (staffMember != null) {
            return staffMember.id();
        }
        return familyMember != null ? familyMember.id() : advocate.id();
    }

    public String displayName() {
        if (staffMember != null) {
            return staffMember.fullName();
        }
        return familyMember != null ? familyMember.fullName() : advocate.fullName();
    }

    /** Where an invitation goes; staff have no invitation, they sign in with their password. */
    public String email() {
        if (staffMember != null) {
            return staffMember.email();
        }
        return familyMember != null ? familyMember.email() : advocate.email();
    }

    public void markInvited(Instant now) {
        if (invitedAt == null) {
            invitedAt = now;
        }
    }

    /** The page behind the invitation link was opened. */
    public void markOpened(Instant now) {
        if (openedAt == null) {
            openedAt = now;
        }
    }

    public void markSignedIn(Instant now) {
        if (signedInAt == null) {
            signedInAt = now;
        }
    }

    public void markJoined(Instant now) {
        if (joinedAt == null) {
            joinedAt = now;
        }
    }

    /** "I can come" or "I can't come" (the reason is required then); the latest answer counts. */
    public void answer(InvitationAnswer answer, String reason, Instant now) {
        conference.requireNotClosed();
        conference.requireNotCancelled();
        if (answer != InvitationAnswer.COMING && answer != InvitationAnswer.CANT_COME) {
            throw new DomainRuleViolation("An answer is either coming or not coming.");
        }
        this.answer = answer;
        this.cantComeReason = answer == InvitationAnswer.CANT_COME ? Objects.requireNonNull(reason) : null;
        this.answeredAt = now;
    }

    /** "I need an interpreter or other help". */
    public void needHelp(String language, String accessNeeds) {
        conference.requireNotClosed();
        conference.requireNotCancelled();
        this.interpreterLanguage = language;
        this.accessNeeds = accessNeeds;
    }

    public InvitationStatus status() {
        if (joinedAt != null) {
            return InvitationStatus.JOINED;
        }
        if (answer == InvitationAnswer.CANT_COME) {
            return InvitationStatus.CANT_COME;
        }
        if (answer == InvitationAnswer.COMING) {
            return InvitationStatus.COMING;
        }
        if (signedInAt != null) {
            return InvitationStatus.SIGNED_IN;
        }
        if (openedAt != null) {
            return InvitationStatus.OPENED;
        }
        return invitedAt != null ? InvitationStatus.INVITED : InvitationStatus.NOT_SENT;
    }

    public boolean wasInvited() {
        return invitedAt != null;
    }

    public String cantComeReason() {
        return cantComeReason;
    }

    public String interpreterLanguage() {
        return interpreterLanguage;
    }

    public String accessNeeds() {
        return accessNeeds;
    }

    public UUID id() {
        return id;
    }

    public Conference conference() {
        return conference;
    }

    public InviteeRole role() {
        return role;
    }

    public StaffMember staffMember() {
        return staffMember;
    }
}
