package org.roundtable.conference.application;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A queued plan change as its submitter sees it: completes when the plan writer has stored and
 * announced it. What must follow the commit is hung on the commit itself, not on the submitter,
 * who may stop waiting; and a submitter who stops waiting first takes the plan back (its queued
 * changes fail, its rooms reconnect and resend), so that the error they answer with still means
 * "nothing was applied" for everything not yet being written.
 */
final class StoredChange {

    /** How long a submitter waits for the writer before answering with an error. */
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("roundtable.plan.store-wait-seconds", 30));

    private final CompletableFuture<Void> durable;
    private final Duration wait;
    private final Executor executor;

    StoredChange(CompletableFuture<Void> durable, Duration wait, Executor executor) {
        this.durable = durable;
        this.wait = wait;
        this.executor = executor;
    }

    /** Runs {@code tell} on the executor once the change is stored (after it is announced), never if it is not. */
    void thenTell(Runnable tell) {
        durable.thenRunAsync(tell, executor);
    }

    /**
     * As {@link #await}, without holding the caller's thread: completes once the change is stored;
     * fails if it was refused, or (after {@code takeBack}, run on {@code scheduler}) with the same
     * error if it took too long. For a change sent from another node, taken on the threads that
     * deliver the cluster's signals.
     */
    CompletableFuture<Void> whenStored(Runnable takeBack, ScheduledExecutorService scheduler) {
        var answer = new CompletableFuture<Void>();
        ScheduledFuture<?> tooLong = scheduler.schedule(() -> {
            if (!durable.isDone()) {
                takeBack.run();
                answer.completeExceptionally(new IllegalStateException(TOO_LONG));
            }
        }, wait.toNanos(), TimeUnit.NANOSECONDS);
        durable.whenComplete((stored, failure) -> {
            tooLong.cancel(false);
            if (failure == null) {
                answer.complete(null);
            } else {
                answer.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
        return answer;
    }

    private static final String TOO_LONG = "The plan could not be stored in time. Please try again.";

    /** Returns once the change is stored; throws if it was refused, or (after {@code takeBack}) if it took too long. */
    void await(Runnable takeBack) {
        try {
            durable.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            takeBack.run();
            throw new IllegalStateException(TOO_LONG, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
