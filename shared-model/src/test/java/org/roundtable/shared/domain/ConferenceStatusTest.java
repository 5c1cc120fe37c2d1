package org.roundtable.shared.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConferenceStatusTest {

    @Test
    void a_scheduled_conference_can_go_live_and_a_live_one_can_close() {
        assertTrue(ConferenceStatus.SCHEDULED.canMoveTo(ConferenceStatus.LIVE));
        assertTrue(ConferenceStatus.LIVE.canMoveTo(ConferenceStatus.CLOSED));
    }

    @Test
    void a_closed_conference_never_reopens() {
        for (ConferenceStatus next : ConferenceStatus.values()) {
            assertFalse(ConferenceStatus.CLOSED.canMoveTo(next), "closed -> " + next);
        }
    }

    @Test
    void a_conference_cannot_skip_being_live_or_go_backwards() {
        assertFalse(ConferenceStatus.SCHEDULED.canMoveTo(ConferenceStatus.CLOSED));
        assertFalse(ConferenceStatus.LIVE.canMoveTo(ConferenceStatus.SCHEDULED));
        assertFalse(ConferenceStatus.LIVE.canMoveTo(ConferenceStatus.LIVE));
        assertFalse(ConferenceStatus.LIVE.canMoveTo(null));
    }

    @Test
    void only_a_conference_that_has_not_started_can_be_cancelled_and_a_cancelled_one_stays_cancelled() {
        assertTrue(ConferenceStatus.SCHEDULED.canMoveTo(ConferenceStatus.CANCELLED));
        assertFalse(ConferenceStatus.LIVE.canMoveTo(ConferenceStatus.CANCELLED));
        assertFalse(ConferenceStatus.CLOSED.canMoveTo(ConferenceStatus.CANCELLED));
        for (ConferenceStatus next : ConferenceStatus.values()) {
            assertFalse(ConferenceStatus.CANCELLED.canMoveTo(next), "cancelled -> " + next);
        }
    }
}
