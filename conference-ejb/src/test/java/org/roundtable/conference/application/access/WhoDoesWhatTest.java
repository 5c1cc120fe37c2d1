package org.roundtable.conference.application.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.commitment.ConferenceStatement;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.MemberDetails;
import org.roundtable.conference.domain.model.record.ConferenceReport;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.Stance;

/** The decisions that belong to one person or one role, in the meeting and on the family's record. */
class WhoDoesWhatTest {

    private final People p = new People();
    private final UUID conference = UUID.randomUUID();

    @Test
    void the_family_agrees_or_disagrees_and_professionals_record_dissent() {
        assertDoesNotThrow(() -> ConferenceAccess.requireMayTakeStance(p.mother, Stance.DISAGREES));
        assertDoesNotThrow(() -> ConferenceAccess.requireMayTakeStance(p.teacher, Stance.PROFESSIONAL_DISSENT));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayTakeStance(p.teacher, Stance.AGREES));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayTakeStance(p.advocate, Stance.PROFESSIONAL_DISSENT));
    }

    @Test
    void views_are_withdrawn_only_by_whoever_wrote_them() {
        var views = new ConferenceStatement(conference, Stance.AGREES, null, p.mother, null, Instant.now());
        assertDoesNotThrow(() -> ConferenceAccess.requireMayWithdraw(p.mother, views));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayWithdraw(p.advocate, views));
    }

    @Test
    void only_an_advocate_writes_the_familys_views_for_someone_else() {
        assertDoesNotThrow(() -> ConferenceAccess.requireMayWriteForSomeoneElse(p.advocate));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayWriteForSomeoneElse(p.mother));
    }

    @Test
    void reports_come_from_invited_agencies_and_are_shared_by_the_agency_that_wrote_them() {
        assertDoesNotThrow(() -> ConferenceAccess.requireMayUploadReport(p.teacher, p.school::equals));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayUploadReport(p.housingOfficer, p.school::equals));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayUploadReport(p.mother, agency -> true));
        var report = new ConferenceReport(UUID.randomUUID(), conference, p.school, "Ann Teacher", "report.pdf", 10, "hash", Instant.now());
        assertDoesNotThrow(() -> ConferenceAccess.requireMayShareReport(p.teacher, report));
        assertThrows(AccessDenied.class, () -> ConferenceAccess.requireMayShareReport(p.socialWorker, report));
    }

    @Test
    void in_the_room_only_the_chair_runs_the_meeting_and_those_kept_out_of_a_private_part_wait() {
        assertDoesNotThrow(() -> RoomAccess.requireChair(InviteeRole.CHAIR));
        var refused = assertThrows(AccessDenied.class, () -> RoomAccess.requireChair(InviteeRole.AGENCY_STAFF));
        assertEquals("Only the chair can do this.", refused.getMessage());
        assertDoesNotThrow(() -> RoomAccess.requireMayChangeThePlan(false));
        assertThrows(AccessDenied.class, () -> RoomAccess.requireMayChangeThePlan(true));
        assertDoesNotThrow(() -> RoomAccess.requireMayComment(false));
        assertThrows(AccessDenied.class, () -> RoomAccess.requireMayComment(true));
        assertDoesNotThrow(() -> RoomAccess.requireMayCall(false));
        assertThrows(AccessDenied.class, () -> RoomAccess.requireMayCall(true));
    }

    @Test
    void only_the_person_who_signs_in_with_an_address_changes_it() {
        var family = new Family("Okafor", "F-1", Instant.now());
        var member = new FamilyMember(family, new MemberDetails("Mia Mother", null, "mia@example.org", null, null, null, null));
        var mia = org.roundtable.conference.domain.model.access.Caller.familyMember(member.id(), "Mia Mother", family.id());
        assertDoesNotThrow(() -> FamilyRecordAccess.requireMayChangeSignInAddress(mia, member));
        var refused = assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireMayChangeSignInAddress(p.socialWorker, member));
        assertEquals("Only Mia Mother can change the email address they sign in with.", refused.getMessage());
    }

    @Test
    void nobody_takes_themselves_off_their_familys_record() {
        assertDoesNotThrow(() -> FamilyRecordAccess.requireNotTakingThemselvesOff(p.mother, UUID.randomUUID()));
        assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireNotTakingThemselvesOff(p.mother, p.mother.id()));
    }

    @Test
    void the_family_chooses_its_language_and_reads_its_access_log_but_staff_do_neither() {
        assertDoesNotThrow(() -> FamilyRecordAccess.requireMayChooseLanguage(p.advocate));
        assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireMayChooseLanguage(p.teacher));
        assertDoesNotThrow(() -> FamilyRecordAccess.requireMayReadAccessLog(p.mother));
        assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireMayReadAccessLog(p.socialWorker));
    }

    @Test
    void an_override_is_renewed_only_by_its_own_agency_and_held_back_from_the_family_only_by_a_chair() {
        assertDoesNotThrow(() -> FamilyRecordAccess.requireMayRenewOverride(p.school, p.school));
        assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireMayRenewOverride(p.housing, p.school));
        assertDoesNotThrow(() -> FamilyRecordAccess.requireMayHoldBackFromFamily(p.chair));
        assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireMayHoldBackFromFamily(p.socialWorker));
    }

    @Test
    void the_follow_up_dashboard_is_for_chairs() {
        assertDoesNotThrow(() -> FamilyRecordAccess.requireMaySeeFollowUp(p.chair));
        assertThrows(AccessDenied.class, () -> FamilyRecordAccess.requireMaySeeFollowUp(p.teacher));
    }

    @Test
    void staff_lists_are_for_administrators_and_colleagues() {
        assertDoesNotThrow(() -> p.policy.requireMaySeeStaffOf(p.administrator, p.school));
        assertDoesNotThrow(() -> p.policy.requireMaySeeStaffOf(p.teacher, p.school));
        assertThrows(AccessDenied.class, () -> p.policy.requireMaySeeStaffOf(p.teacher, p.socialCare));
        assertThrows(AccessDenied.class, () -> p.policy.requireMaySeeStaffOf(p.mother, p.school));
    }

    @Test
    void only_a_chair_working_with_the_family_schedules_its_conference() {
        assertDoesNotThrow(() -> p.policy.requireMayScheduleConference(p.chair, p.family));
        assertThrows(AccessDenied.class, () -> p.policy.requireMayScheduleConference(p.teacher, p.family));
        assertThrows(ResourceNotFound.class, () -> p.policy.requireMayScheduleConference(p.chair, p.otherFamily));
    }
}
