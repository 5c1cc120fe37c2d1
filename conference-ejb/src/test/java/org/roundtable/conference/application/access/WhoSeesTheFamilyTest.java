package org.roundtable.conference.application.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who may see a family's case at all, and who may change who is around it: decided against today's records. */
class WhoSeesTheFamilyTest {

    private final People p = new People();

    @Test
    void staff_of_an_agency_working_with_the_family_see_it() {
        assertTrue(p.policy.canSeeFamily(p.teacher, p.family));
        assertDoesNotThrow(() -> p.policy.requireFamilyVisible(p.teacher, p.family));
    }

    @Test
    void an_agency_whose_involvement_ended_is_told_the_family_does_not_exist() {
        assertFalse(p.policy.canSeeFamily(p.housingOfficer, p.family));
        assertThrows(ResourceNotFound.class, () -> p.policy.requireFamilyVisible(p.housingOfficer, p.family));
    }

    @Test
    void an_involvement_that_ended_yesterday_grants_nothing_today() {
        p.clock.moveTo(People.TODAY.minusMonths(1));
        assertTrue(p.policy.canSeeFamily(p.housingOfficer, p.family), "on its last day the involvement still counts");
        p.clock.moveTo(People.TODAY.minusMonths(1).plusDays(1));
        assertFalse(p.policy.canSeeFamily(p.housingOfficer, p.family));
    }

    @Test
    void an_administrator_sees_no_case_detail_even_when_their_agency_works_with_the_family() {
        assertFalse(p.policy.canSeeFamily(p.administrator, p.family));
        assertTrue(p.policy.canSeeInvolvements(p.administrator, p.family), "but they manage who works with it");
    }

    @Test
    void a_family_member_sees_their_own_family_only() {
        assertTrue(p.policy.canSeeFamily(p.mother, p.family));
        assertFalse(p.policy.canSeeFamily(p.mother, p.otherFamily));
    }

    @Test
    void an_advocate_may_act_for_the_family_it_supports_only() {
        assertTrue(p.policy.canSeeFamily(p.advocate, p.family));
        assertFalse(p.policy.canSeeFamily(p.advocate, p.otherFamily));
    }

    @Test
    void an_advocate_whose_assignment_has_not_started_does_not_see_the_family_yet() {
        p.clock.moveTo(People.TODAY.minusMonths(3));
        assertFalse(p.policy.canSeeFamily(p.advocate, p.family));
    }

    @Test
    void nobody_signed_in_is_asked_to_sign_in() {
        assertThrows(NotSignedIn.class, () -> p.policy.requireFamilyVisible(null, p.family));
    }

    @Test
    void only_the_lead_worker_or_a_chair_adds_someone_to_the_family() {
        assertDoesNotThrow(() -> p.policy.requireLeadWorkerOrChair(p.socialWorker, p.family));
        assertDoesNotThrow(() -> p.policy.requireLeadWorkerOrChair(p.chair, p.family));
        var refused = assertThrows(AccessDenied.class, () -> p.policy.requireLeadWorkerOrChair(p.teacher, p.family));
        assertEquals("Only the family's lead worker or a chair can add a family member or an advocate.", refused.getMessage());
    }

    @Test
    void the_family_changes_its_household_but_its_advocate_and_other_agencies_do_not() {
        assertDoesNotThrow(() -> p.policy.requireMayChangeHousehold(p.mother, p.family));
        assertDoesNotThrow(() -> p.policy.requireMayChangeHousehold(p.socialWorker, p.family));
        assertThrows(AccessDenied.class, () -> p.policy.requireMayChangeHousehold(p.advocate, p.family));
        assertThrows(AccessDenied.class, () -> p.policy.requireMayChangeHousehold(p.teacher, p.family));
    }

    @Test
    void an_agency_may_refer_but_only_the_agency_itself_the_lead_worker_or_a_chair_changes_its_involvement() {
        assertDoesNotThrow(() -> p.policy.requireInvolvementManager(p.teacher, p.family));
        assertDoesNotThrow(() -> p.policy.requireMayChangeInvolvement(p.teacher, p.family, p.school));
        assertDoesNotThrow(() -> p.policy.requireMayChangeInvolvement(p.socialWorker, p.family, p.school));
        assertDoesNotThrow(() -> p.policy.requireMayChangeInvolvement(p.administrator, p.family, p.school));
        assertThrows(AccessDenied.class, () -> p.policy.requireMayChangeInvolvement(p.teacher, p.family, p.socialCare));
    }

    @Test
    void a_family_member_cannot_open_a_case_nor_can_an_administrator() {
        assertDoesNotThrow(() -> p.policy.requireMayOpenCase(p.teacher));
        assertThrows(AccessDenied.class, () -> p.policy.requireMayOpenCase(p.mother));
        assertThrows(AccessDenied.class, () -> p.policy.requireMayOpenCase(p.administrator));
    }

    @Test
    void asking_about_no_family_at_all_is_told_there_is_no_such_family_whoever_asks() {
        for (var caller : java.util.List.of(p.mother, p.teacher, p.advocate)) {
            assertThrows(ResourceNotFound.class, () -> p.policy.toReadThePlan(caller, null), caller.displayName());
            assertThrows(ResourceNotFound.class, () -> p.policy.toChangeThePlan(caller, null), caller.displayName());
        }
    }
}
