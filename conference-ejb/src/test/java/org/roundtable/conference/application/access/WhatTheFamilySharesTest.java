package org.roundtable.conference.application.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/** What each agency sees of what the family chose to share, and what lets a worker see more for a while. */
class WhatTheFamilySharesTest {

    private final People p = new People();

    @Test
    void a_family_that_made_no_choice_shares() {
        assertTrue(p.policy.isShared(p.teacher, p.family, InformationKind.CONTACTS));
        assertDoesNotThrow(() -> p.policy.requireVisibleAndShared(p.teacher, p.family, InformationKind.CONTACTS));
    }

    @Test
    void an_agency_the_family_does_not_share_a_kind_with_is_told_it_can_ask() {
        p.records.prefer(p.family, p.school, InformationKind.CONTACTS, SharingPreference.DO_NOT_SHARE);
        var refused = assertThrows(NotShared.class, () -> p.policy.requireVisibleAndShared(p.teacher, p.family, InformationKind.CONTACTS));
        assertEquals("Not shared with your agency. You can ask the family on the Sharing page.", refused.getMessage());
        assertTrue(p.policy.isShared(p.socialWorker, p.family, InformationKind.CONTACTS), "the choice is per agency");
    }

    @Test
    void the_family_and_its_advocate_are_never_limited_by_what_the_family_shares_with_agencies() {
        p.records.prefer(p.family, p.school, InformationKind.PLAN, SharingPreference.DO_NOT_SHARE);
        assertDoesNotThrow(() -> p.policy.requireShared(p.mother, p.family, InformationKind.PLAN));
        assertDoesNotThrow(() -> p.policy.requireShared(p.advocate, p.family, InformationKind.PLAN));
    }

    @Test
    void an_override_lets_the_worker_see_until_its_review_date() {
        p.records.prefer(p.family, p.school, InformationKind.CONTACTS, SharingPreference.DO_NOT_SHARE);
        p.records.override(p.family, p.school, InformationKind.CONTACTS, People.TODAY.plusDays(7));
        assertTrue(p.policy.isShared(p.teacher, p.family, InformationKind.CONTACTS));
        p.clock.moveTo(People.TODAY.plusDays(6));
        assertTrue(p.policy.isShared(p.teacher, p.family, InformationKind.CONTACTS));
    }

    @Test
    void an_override_that_has_lapsed_no_longer_lets_the_worker_see() {
        p.records.prefer(p.family, p.school, InformationKind.CONTACTS, SharingPreference.DO_NOT_SHARE);
        p.records.override(p.family, p.school, InformationKind.CONTACTS, People.TODAY.plusDays(7));
        assertTrue(p.policy.isShared(p.teacher, p.family, InformationKind.CONTACTS), "asked (and remembered) while in force");
        p.clock.moveTo(People.TODAY.plusDays(7));
        assertFalse(p.policy.isShared(p.teacher, p.family, InformationKind.CONTACTS));
    }

    @Test
    void a_yes_to_a_request_shares_for_the_days_asked_and_then_stops() {
        p.records.prefer(p.family, p.school, InformationKind.REPORTS, SharingPreference.ASK_FIRST);
        var request = new SharingRequest(p.family, p.school, InformationKind.REPORTS, "For the review", 30, p.teacher.id(),
                p.teacher.displayName(), Instant.now(p.clock), People.TODAY);
        request.answer(true, p.mother.displayName(), Instant.now(p.clock), People.TODAY);
        p.records.request(request);
        p.clock.moveTo(People.TODAY.plusDays(29));
        assertTrue(p.policy.isShared(p.teacher, p.family, InformationKind.REPORTS));
        p.clock.moveTo(People.TODAY.plusDays(30));
        assertFalse(p.policy.isShared(p.teacher, p.family, InformationKind.REPORTS));
    }

    @Test
    void a_worker_whose_request_waits_is_told_to_wait_for_the_family() {
        p.records.prefer(p.family, p.school, InformationKind.REPORTS, SharingPreference.ASK_FIRST);
        p.records.request(new SharingRequest(p.family, p.school, InformationKind.REPORTS, "For the review", 30, p.teacher.id(),
                p.teacher.displayName(), Instant.now(p.clock), People.TODAY));
        var refused = assertThrows(NotShared.class, () -> p.policy.requireShared(p.teacher, p.family, InformationKind.REPORTS));
        assertTrue(refused.waiting());
        assertEquals("Not shared with your agency. Waiting for the family's answer.", refused.getMessage());
    }

    @Test
    void a_changed_choice_applies_as_soon_as_the_rules_forget_what_they_were_told() {
        assertTrue(p.policy.isShared(p.teacher, p.family, InformationKind.DETAILS));
        p.records.prefer(p.family, p.school, InformationKind.DETAILS, SharingPreference.DO_NOT_SHARE);
        p.sharing.forget();
        assertFalse(p.policy.isShared(p.teacher, p.family, InformationKind.DETAILS));
    }
}
