package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalInboxTest {

    private final SignalInbox inbox = new SignalInbox();

    @Test
    void the_first_batch_heard_from_a_sender_is_ready_whatever_its_number() {
        assertEquals(List.of(17L), numbers(inbox.arrived(batch(17))));
        assertEquals(List.of(18L), numbers(inbox.arrived(batch(18))));
        assertFalse(inbox.waiting());
    }

    @Test
    void an_early_batch_waits_for_the_one_before_it_and_both_are_then_ready_in_order() {
        inbox.arrived(batch(0));

        assertEquals(List.of(), numbers(inbox.arrived(batch(2))));
        assertEquals(List.of(), numbers(inbox.arrived(batch(3))));
        assertTrue(inbox.waiting());
        assertEquals(1, inbox.awaited());

        assertEquals(List.of(1L, 2L, 3L), numbers(inbox.arrived(batch(1))));
        assertFalse(inbox.waiting());
    }

    @Test
    void skipping_a_gap_readies_what_follows_it_up_to_the_next_gap() {
        inbox.arrived(batch(0));
        inbox.arrived(batch(2));
        inbox.arrived(batch(3));
        inbox.arrived(batch(5));

        assertEquals(List.of(2L, 3L), numbers(inbox.skipGap()));
        assertTrue(inbox.waiting());
        assertEquals(4, inbox.awaited());
        assertEquals(List.of(5L), numbers(inbox.skipGap()));
        assertFalse(inbox.waiting());
        assertEquals(List.of(), numbers(inbox.skipGap()));
    }

    @Test
    void a_batch_that_comes_after_its_gap_was_skipped_is_ready_at_once() {
        inbox.arrived(batch(0));
        inbox.arrived(batch(2));
        inbox.skipGap();

        assertEquals(List.of(1L), numbers(inbox.arrived(batch(1))));
        assertEquals(List.of(3L), numbers(inbox.arrived(batch(3))));
    }

    private static SignalBatch batch(long sequence) {
        return new SignalBatch("node-a", sequence, List.of(new ClusterSignal("room", "n" + sequence)));
    }

    private static List<Long> numbers(List<SignalBatch> batches) {
        return batches.stream().map(SignalBatch::sequence).toList();
    }
}
