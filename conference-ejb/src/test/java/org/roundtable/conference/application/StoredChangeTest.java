package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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

    /** The owner's scheduler, for a change sent from another node. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    /** A writer that has a minute, so that only the test decides whether it is done in time. */
    private final StoredChange patient = new StoredChange(durable, Duration.ofMinutes(1), Runnable::run);

    @AfterEach
    void stopTheScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void a_change_sent_from_another_node_is_answered_once_stored_without_holding_the_thread_that_delivered_it() throws Exception {
        var answer = patient.whenStored(() -> happened.add("plan taken back"), scheduler);
        assertFalse(answer.isDone(), "the signal's thread goes back at once, the writer not yet done");

        durable.complete(null);

        answer.get(1, TimeUnit.SECONDS);
        assertEquals(List.of(), happened);
    }

    @Test
    void a_change_sent_from_another_node_that_takes_too_long_is_taken_back_before_its_sender_is_told() {
        var answer = stored.whenStored(() -> happened.add("plan taken back"), scheduler);

        var failure = assertThrows(ExecutionException.class, () -> answer.get(1, TimeUnit.SECONDS));

        assertEquals(List.of("plan taken back"), happened);
        assertEquals("The plan could not be stored in time. Please try again.",
                assertInstanceOf(IllegalStateException.class, failure.getCause()).getMessage());
    }

    @Test
    void a_change_sent_from_another_node_that_the_writer_refused_fails_with_the_writers_reason_and_is_not_taken_back_by_the_timeout() {
        var answer = patient.whenStored(() -> happened.add("plan taken back"), scheduler);

        durable.completeExceptionally(new IllegalStateException("refused"));

        var failure = assertThrows(ExecutionException.class, () -> answer.get(1, TimeUnit.SECONDS));
        assertEquals("refused", failure.getCause().getMessage());
        assertEquals(List.of(), happened);
    }
}
