package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A submitter who waits for a change that voids signatures to be stored: the writer may be slower
 * than the submitter's patience.
 */
class StoredChangeTest {

    private final List<String> happened = new ArrayList<>();
    /** The writer's commit, which the test completes (or fails) when it likes. */
    private final CompletableFuture<Void> durable = new CompletableFuture<>();
    private final StoredChange stored = new StoredChange(durable, Duration.ofMillis(20), Runnable::run);

    @Test
    void the_signers_are_told_once_the_change_is_stored_even_if_its_submitter_stopped_waiting() {
        stored.thenTell(() -> happened.add("sign-off frame and please-sign-again email"));
        assertThrows(IllegalStateException.class, () -> stored.await(() -> happened.add("plan taken back")));
        assertEquals(List.of("plan taken back"), happened, "nobody is told before the commit");

        durable.complete(null);

        assertEquals(List.of("plan taken back", "sign-off frame and please-sign-again email"), happened);
    }

    @Test
    void a_submitter_who_stopped_waiting_gets_an_error_only_once_the_plan_is_taken_back_so_the_error_means_nothing_was_applied() {
        var error = assertThrows(IllegalStateException.class, () -> stored.await(() -> happened.add("plan taken back")));

        assertEquals(List.of("plan taken back"), happened);
        assertEquals("The plan could not be stored in time. Please try again.", error.getMessage());
    }

    @Test
    void nobody_is_told_of_a_change_that_was_never_stored() {
        stored.thenTell(() -> happened.add("told"));
        durable.completeExceptionally(new IllegalStateException("refused"));

        assertThrows(IllegalStateException.class, () -> stored.await(() -> happened.add("plan taken back")));
        assertEquals(List.of(), happened);
    }

    @Test
    void a_change_stored_in_time_is_neither_taken_back_nor_an_error() {
        stored.thenTell(() -> happened.add("told"));
        durable.complete(null);

        stored.await(() -> happened.add("plan taken back"));

        assertEquals(List.of("told"), happened);
    }
}
