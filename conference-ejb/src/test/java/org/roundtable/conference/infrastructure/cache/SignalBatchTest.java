package org.roundtable.conference.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalBatchTest {

    @Test
    void a_batch_comes_back_as_it_was_sent_newlines_empty_texts_and_half_an_emoji_included() {
        var batch = new SignalBatch("3f1c-node", 41, List.of(
                new ClusterSignal("access-changed", "sign-out\n"),
                new ClusterSignal("room", ""),
                new ClusterSignal("plan-stored", "{\"title\":\"x\ud83dy\"}\n\n12\nroom\n"),
                new ClusterSignal("room", "last")));

        assertEquals(batch, SignalBatch.parse(batch.text()));
    }

    @Test
    void a_batch_of_no_signals_comes_back_empty() {
        var batch = new SignalBatch("node", 0, List.of());

        assertEquals(batch, SignalBatch.parse(batch.text()));
    }

    @Test
    void text_that_is_not_a_batch_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> SignalBatch.parse("access-changed\nsign-out\n"));
        assertThrows(IllegalArgumentException.class, () -> SignalBatch.parse("node 1\nroom\n99\nshort\n"));
        assertThrows(IllegalArgumentException.class, () -> SignalBatch.parse("node 1\nroom\nnine\nx\n"));
        assertThrows(IllegalArgumentException.class, () -> SignalBatch.parse("no newline"));
    }

    @Test
    void a_sender_id_with_a_space_is_refused_as_it_would_not_read_back() {
        assertThrows(IllegalArgumentException.class, () -> new SignalBatch("node a", 0, List.of()));
    }
}
