package org.roundtable.conference.application.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;
import org.roundtable.shared.plan.TextDiff;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/** Who may read and change which part of a family's plan, outside the room and in it. */
class ChangingThePlanTest {

    /** The owner was not one the family's actions may have: bad input, reported by the caller's own error. */
    static final class NotAnOwner extends RuntimeException {
        NotAnOwner(String message) {
            super(message);
        }
    }

    private final People p = new People();
    private final PlanEditPolicy rules = new PlanEditPolicy();
    private final String goal = UUID.randomUUID().toString();
    /** Social care agreed to do this. */
    private final String socialCaresAction = UUID.randomUUID().toString();
    /** Proposed for the school, not agreed yet. */
    private final String proposedForSchool = UUID.randomUUID().toString();
    /** The mother's own action. */
    private final String mothersAction = UUID.randomUUID().toString();
    private final PlanDocument plan = new PlanDocument();

    ChangingThePlanTest() {
        plan.apply(new CreateGoal(goal, FractionalIndex.between(null, null), "Getting to school"));
        action(socialCaresAction, agency(p.socialCare), "AGREED");
        action(proposedForSchool, agency(p.school), "PROPOSED");
        action(mothersAction, new ActionOwnerRef(OwnerKind.FAMILY_MEMBER, p.mother.id()).toString(), "AGREED");
    }

    private String lastPosition;

    private void action(String id, String owner, String status) {
        lastPosition = FractionalIndex.between(lastPosition, null);
        plan.apply(new CreateAction(id, goal, lastPosition, "Walk to school"));
        plan.apply(new SetField(id, PlanField.OWNER, owner));
        plan.apply(new SetField(id, PlanField.STATUS, status));
    }

    private static String agency(UUID id) {
        return new ActionOwnerRef(OwnerKind.AGENCY, id).toString();
    }

    private static EditText reword(String id) {
        return new EditText(id, PlanField.DESCRIPTION, TextDiff.between("Walk to school", "Walk to school together"));
    }

    private void change(Caller caller, PlanOperation... ops) {
        PlanAccess access = p.policy.toChangeThePlan(caller, p.family);
        rules.check(access, plan::copy, List.of(ops), NotAnOwner::new);
    }

    @Test
    void a_family_member_cannot_edit_an_agencys_action() {
        var refused = assertThrows(AccessDenied.class, () -> change(p.mother, reword(socialCaresAction)));
        assertEquals("This action is an agency's commitment; only its staff can change it.", refused.getMessage());
    }

    @Test
    void a_family_member_edits_the_familys_own_actions_and_may_propose_one_for_an_agency() {
        assertDoesNotThrow(() -> change(p.mother, reword(mothersAction)));
        assertDoesNotThrow(() -> change(p.advocate, reword(proposedForSchool)));
    }

    @Test
    void a_family_member_cannot_agree_to_an_action_for_an_agency() {
        var refused = assertThrows(AccessDenied.class, () -> change(p.mother, new SetField(proposedForSchool, PlanField.STATUS, "AGREED")));
        assertEquals("Only the agency's staff can agree to an action for the agency.", refused.getMessage());
    }

    @Test
    void an_action_is_handed_to_an_agency_only_as_a_proposal() {
        var refused = assertThrows(AccessDenied.class, () -> change(p.mother, new SetField(mothersAction, PlanField.OWNER, agency(p.school))));
        assertEquals("An action can only be handed to an agency as a proposal.", refused.getMessage());
    }

    @Test
    void staff_may_reword_any_action_and_typing_costs_no_copy_of_the_plan() {
        var copies = new AtomicInteger();
        PlanAccess access = p.policy.toChangeThePlan(p.teacher, p.family);
        rules.check(access, () -> {
            copies.incrementAndGet();
            return plan.copy();
        }, List.of(reword(socialCaresAction)), NotAnOwner::new);
        assertEquals(0, copies.get());
    }

    @Test
    void another_agencys_staff_cannot_change_how_far_its_commitment_has_got() {
        var refused = assertThrows(AccessDenied.class, () -> change(p.teacher, new SetField(socialCaresAction, PlanField.STATUS, "DONE")));
        assertEquals("This action is another agency's commitment: only that agency or the chair can change who owns it or how far it has got.",
                refused.getMessage());
        assertThrows(AccessDenied.class, () -> change(p.teacher, new SetField(socialCaresAction, PlanField.OWNER, agency(p.school))));
    }

    @Test
    void the_agency_itself_or_a_chair_of_the_familys_conferences_changes_its_commitment() {
        assertDoesNotThrow(() -> change(p.socialWorker, new SetField(socialCaresAction, PlanField.STATUS, "DONE")));
        assertDoesNotThrow(() -> change(p.chair, new SetField(proposedForSchool, PlanField.STATUS, "AGREED")));
    }

    @Test
    void a_chair_who_chairs_none_of_the_familys_conferences_is_another_agency_here() {
        p.records.involve(p.housing, p.family, People.TODAY, null);
        Caller otherChair = Caller.staff(UUID.randomUUID(), "Other Chair", p.housing, java.util.Set.of(org.roundtable.shared.domain.StaffRole.CHAIR));
        var refused = assertThrows(AccessDenied.class, () -> change(otherChair, new SetField(proposedForSchool, PlanField.STATUS, "AGREED")));
        assertEquals("Only the agency an action is proposed for, or the chair, can agree to it.", refused.getMessage());
    }

    @Test
    void an_action_is_owned_only_by_an_agency_working_with_the_family_or_a_member_of_it() {
        var agency = assertThrows(NotAnOwner.class, () -> change(p.socialWorker, new SetField(mothersAction, PlanField.OWNER, agency(p.housing))));
        assertEquals("An action can only be owned by an agency working with this family.", agency.getMessage());
        var stranger = new ActionOwnerRef(OwnerKind.FAMILY_MEMBER, UUID.randomUUID()).toString();
        var person = assertThrows(NotAnOwner.class, () -> change(p.socialWorker, new SetField(mothersAction, PlanField.OWNER, stranger)));
        assertEquals("That person is not a member of this family.", person.getMessage());
        assertDoesNotThrow(() -> change(p.socialWorker, new SetField(mothersAction, PlanField.OWNER, agency(p.school))));
    }

    @Test
    void a_plan_edit_asks_who_works_with_the_family_once_for_access_and_the_new_owner_alike() {
        p.records.involvementQueries = 0;
        change(p.teacher, new SetField(mothersAction, PlanField.OWNER, agency(p.school)), new SetField(mothersAction, PlanField.STATUS, "PROPOSED"));
        assertEquals(1, p.records.involvementQueries);
    }

    @Test
    void an_agency_the_family_does_not_share_its_plan_with_still_sees_and_may_sign_the_actions_it_owns() {
        p.records.prefer(p.family, p.socialCare, InformationKind.PLAN, SharingPreference.DO_NOT_SHARE);
        PlanAccess access = p.policy.toReadThePlan(p.socialWorker, p.family);
        assertTrue(access.seesOnlyOwnActions());
        assertDoesNotThrow(() -> rules.requireOnlyOwnActions(access, plan, List.of(new SetField(socialCaresAction, PlanField.STATUS, "DONE"))));
        assertDoesNotThrow(() -> OwnActions.requireMaySignOff(p.socialWorker, ActionOwnerRef.parse(agency(p.socialCare))));
        assertThrows(AccessDenied.class, () -> rules.requireOnlyOwnActions(access, plan, List.of(reword(mothersAction))));
        assertThrows(NotShared.class, () -> p.policy.toChangeThePlan(p.socialWorker, p.family), "but not the whole plan outside the room");
    }

    @Test
    void an_agency_the_family_shares_its_plan_with_sees_all_of_it() {
        assertFalse(p.policy.toReadThePlan(p.teacher, p.family).seesOnlyOwnActions());
        assertFalse(p.policy.inTheRoom(p.teacher, p.family).seesOnlyOwnActions());
    }

    @Test
    void only_the_owner_of_an_action_signs_it_off_or_posts_its_progress() {
        ActionOwnerRef mothers = new ActionOwnerRef(OwnerKind.FAMILY_MEMBER, p.mother.id());
        assertDoesNotThrow(() -> OwnActions.requireMaySignOff(p.mother, mothers));
        assertDoesNotThrow(() -> OwnActions.requireMayPostProgress(p.mother, mothers));
        var signing = assertThrows(AccessDenied.class, () -> OwnActions.requireMaySignOff(p.teacher, mothers));
        assertEquals("Only the owner of this action can sign it off.", signing.getMessage());
        var progress = assertThrows(AccessDenied.class, () -> OwnActions.requireMayPostProgress(p.advocate, mothers));
        assertEquals("Only the owner of this action can post progress on it.", progress.getMessage());
    }

    @Test
    void someone_kept_out_of_a_private_part_sees_none_of_the_plan_until_it_ends() {
        p.records.keepOutOfPlan(p.mother.id(), p.family);
        var refused = assertThrows(AccessDenied.class, () -> p.policy.toReadThePlan(p.mother, p.family));
        assertEquals("Part of the conference is being held without you. You can see the plan again when it ends.", refused.getMessage());
        assertThrows(AccessDenied.class, () -> p.policy.toChangeThePlan(p.mother, p.family));
        assertDoesNotThrow(() -> p.policy.toReadThePlan(p.socialWorker, p.family));
    }

    @Test
    void the_plan_of_a_family_someone_cannot_see_does_not_exist_for_them() {
        assertThrows(ResourceNotFound.class, () -> p.policy.toReadThePlan(p.housingOfficer, p.family));
        assertThrows(ResourceNotFound.class, () -> p.policy.toChangeThePlan(p.advocate, p.otherFamily));
    }
}
