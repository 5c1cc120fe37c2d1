package org.roundtable.conference.application.access;

import java.util.UUID;
import java.util.function.Predicate;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.commitment.ConferenceStatement;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.record.ConferenceReport;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.Stance;

/**
 * Who does what in and around a conference they can see ({@link AccessPolicy#requireConferenceVisible}
 * first): who is an invitee, who records which views, who brings and shares reports.
 */
public final class ConferenceAccess {

    private ConferenceAccess() {
    }

    /** The caller's place on the conference's list, which the live room needs to let them in. */
    public static Invitee inviteeInTheRoom(Caller caller, Conference conference) {
        return conference.invitees().stream().filter(i -> i.is(caller.kind(), caller.id())).findFirst()
                .orElseThrow(() -> new AccessDenied("You are not invited to this conference."));
    }

    /** The caller's place on the conference's list, which answering its invitation needs. */
    public static Invitee inviteeAnswering(Caller caller, Conference conference) {
        return conference.invitees().stream().filter(i -> i.is(caller.kind(), caller.id())).findFirst()
                .orElseThrow(() -> new AccessDenied("Only people invited to this conference can answer its invitation."));
    }

    /** The family agrees or disagrees with the plan; professionals record dissent. */
    public static void requireMayTakeStance(Caller caller, Stance stance) {
        if (caller.isStaff() && stance != Stance.PROFESSIONAL_DISSENT) {
            throw new AccessDenied("Agreeing or disagreeing is the family's to record. As a professional, you can record dissent.");
        }
        if (!caller.isStaff() && stance == Stance.PROFESSIONAL_DISSENT) {
            throw new AccessDenied("Dissent is recorded by professionals. Say whether you agree or disagree with the plan.");
        }
    }

    /** Views are withdrawn (or replaced) only by the person they are from or who wrote them. */
    public static void requireMayWithdraw(Caller caller, ConferenceStatement statement) {
        if (!statement.mayBeWithdrawnBy(caller)) {
            throw new AccessDenied("Only the person these views are from, or who wrote them, can change or withdraw them.");
        }
    }

    /** Only an advocate writes views for someone else; a family member writes their own. */
    public static void requireMayWriteForSomeoneElse(Caller caller) {
        if (caller.kind() != CallerKind.ADVOCATE) {
            throw new AccessDenied("Only the family's advocate can write the family's views for someone else.");
        }
    }

    /** Staff of an agency invited to the conference bring its report. */
    public static void requireMayUploadReport(Caller caller, Predicate<UUID> invitedAgency) {
        if (!caller.isStaff() || !invitedAgency.test(caller.agencyId())) {
            throw new AccessDenied("Only agencies invited to this conference upload reports for it.");
        }
    }

    /** The agency that wrote a report decides whether the family sees it. */
    public static void requireMayShareReport(Caller caller, ConferenceReport report) {
        if (!caller.isStaff() || !report.agencyId().equals(caller.agencyId())) {
            throw new AccessDenied("Only the agency that wrote a report shares it.");
        }
    }
}
