package org.roundtable.conference.application;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that must be done per plan in the order it arrived, one piece at a time, off the thread
 * that brought it: what other nodes send a plan's owner (changes, signatures). The thread that
 * delivers the cluster's signals only queues; one task at a time per plan drains that plan's
 * queue on the executor, so a piece of work that waits (for the plan's lock, for the writer)
 * holds up the same plan's later work and nothing else, and holds one of the executor's threads
 * at most. A busy plan gives its thread back after {@link #TURN} pieces, so that other plans'
 * queues are not starved when the executor's threads are all taken.
 */
final class PlanQueues {

    private static final Logger LOG = Logger.getLogger(PlanQueues.class.getName());

    /** How many pieces one plan runs before it lets other plans' queues have the thread. */
    static final int TURN = 16;

    private final Executor executor;
    /** The plans with work queued or running; a plan is here exactly while one task drains it. Guarded by itself. */
    private final Map<UUID, Queue<Runnable>> queued = new HashMap<>();

    PlanQueues(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} after the work queued before it for the same plan, never beside it. */
    void run(UUID plan, Runnable work) {
        boolean start;
        synchronized (queued) {
            Queue<Runnable> queue = queued.get(plan);
            start = queue == null;
            if (start) {
                queue = new ArrayDeque<>();
                queued.put(plan, queue);
            }
            queue.add(work);
        }
        if (start) {
            drainOnExecutor(plan);
        }
    }

    /** How many plans have work queued or running (for tests and operators). */
    int busyPlans() {
        synchronized (queued) {
            return queued.size();
        }
    }

    private void drainOnExecutor(UUID plan) {
        try {
            executor.execute(() -> drain(plan));
        } catch (RejectedExecutionException e) {
            // The executor is full or stopping: the work is done here, in order, rather than lost.
            LOG.log(Level.WARNING, "The plans' executor refused work; it is done on the thread that brought it", e);
            drain(plan);
        }
    }

    private void drain(UUID plan) {
        for (int done = 0; done < TURN; done++) {
            Runnable next;
            synchronized (queued) {
                next = queued.get(plan).poll();
                if (next == null) {
                    queued.remove(plan);
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // Caught whatever it is: a drain that stopped here would leave this plan's queue stuck for good.
                LOG.log(Level.WARNING, "Work for plan " + plan + " failed", e);
            }
        }
        // Its turn is over: the rest of this plan's queue goes to the back of the executor's.
        drainOnExecutor(plan);
    }
}
