package org.roundtable.conference.application.access;

import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.shared.domain.CallerKind;

/**
 * What only one person, or one kind of person, does to a family's record they can already see
 * ({@link AccessPolicy#requireFamilyVisible} and its kin first).
 */
public final class FamilyRecordAccess {

    private FamilyRecordAccess() {
    }

    /** An email address is a sign-in: only its owner changes it. */
    public static void requireMayChangeSignInAddress(Caller by, FamilyMember member) {
        if (!(by.kind() == CallerKind.FAMILY_MEMBER && by.id().equals(member.id()))) {
            throw new AccessDenied("Only " + member.fullName() + " can change the email address they sign in with.");
        }
    }

    /** Someone leaving tells their lead worker; they do not take themselves off the record. */
    public static void requireNotTakingThemselvesOff(Caller caller, UUID memberId) {
        if (memberId.equals(caller.id())) {
            throw new AccessDenied("You cannot take yourself off your family's record. If you are leaving, tell your lead worker.");
        }
    }

    /** The family and its advocates choose the language of their pages; staff pages are in English. */
    public static void requireMayChooseLanguage(Caller caller) {
        if (caller.isStaff()) {
            throw new AccessDenied("Staff pages are in English. Only family members and advocates choose a language here.");
        }
    }

    /** Who looked at the family's record is the family's (and its advocate's) to read. */
    public static void requireMayReadAccessLog(Caller caller) {
        if (caller.isStaff()) {
            throw new AccessDenied("This log is the family's: it shows them who looked at their record.");
        }
    }

    /** An override is carried on only by a worker of the agency that made it. */
    public static void requireMayRenewOverride(UUID workersAgency, UUID overridingAgency) {
        if (!overridingAgency.equals(workersAgency)) {
            throw new AccessDenied("Only a worker of the agency that made this override can renew it.");
        }
    }

    /** Only a chair decides that the family is not told of a ledger entry yet. */
    public static void requireMayHoldBackFromFamily(Caller caller) {
        if (!caller.isChair()) {
            throw new AccessDenied("Only a chair can decide that the family is not told yet.");
        }
    }

    /** The follow-up dashboard (every family's open actions) is the chairs'. */
    public static void requireMaySeeFollowUp(Caller caller) {
        if (!caller.isChair()) {
            throw new AccessDenied("The follow-up dashboard is for chairs.");
        }
    }
}
