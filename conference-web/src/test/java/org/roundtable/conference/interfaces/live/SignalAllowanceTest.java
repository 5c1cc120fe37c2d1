package org.roundtable.conference.interfaces.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A flood of signalling to one person is cut off; other people, and other kinds, keep their own allowance. */
class SignalAllowanceTest {

    @Test
    void the_fifty_first_candidate_to_one_peer_within_ten_seconds_is_refused() {
        var allowance = new SignalAllowance();
        for (int i = 0; i < SignalAllowance.CANDIDATES; i++) {
            assertTrue(allowance.take("peer-a", true), "candidate " + (i + 1));
        }
        assertFalse(allowance.take("peer-a", true));
        assertTrue(allowance.take("peer-b", true), "another peer has its own allowance");
        assertTrue(allowance.take("peer-a", false), "offers and answers are counted apart");
    }

    @Test
    void offers_and_answers_to_one_peer_are_bounded_too_and_a_peer_that_left_is_forgotten() {
        var allowance = new SignalAllowance();
        for (int i = 0; i < SignalAllowance.DESCRIPTIONS; i++) {
            assertTrue(allowance.take("peer-a", false));
        }
        assertFalse(allowance.take("peer-a", false));
        allowance.forget("peer-a");
        assertTrue(allowance.take("peer-a", false));
    }
}
