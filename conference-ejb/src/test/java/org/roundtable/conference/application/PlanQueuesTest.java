package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What other nodes send a plan's owner is done per plan, in the order it came, one piece at a
 * time, on threads that are not the ones delivering the cluster's signals.
 */
class PlanQueuesTest {

    private final UUID plan = UUID.randomUUID();
    private final UUID otherPlan = UUID.randomUUID();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** An executor whose tasks wait until the test runs them, one at a time, in the order given. */
    private static final class ByHand implements java.util.concurrent.Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runNext() {
            tasks.remove(0).run();
        }
    }

    @Test
    void a_plans_work_is_done_in_the_order_it_came_and_never_two_pieces_at_once() throws Exception {
        var queues = new PlanQueues(threads);
        var order = Collections.synchronizedList(new ArrayList<Integer>());
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var allDone = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int piece = i;
            queues.run(plan, () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.yield();
                order.add(piece);
                running.decrementAndGet();
                allDone.countDown();
            });
        }

        assertTrue(allDone.await(10, TimeUnit.SECONDS), "done: " + order.size());
        var expected = new ArrayList<Integer>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void a_plan_whose_work_waits_holds_up_its_own_later_work_and_no_other_plans() throws Exception {
        var queues = new PlanQueues(threads);
        var release = new CountDownLatch(1);
        var later = new CountDownLatch(1);
        var other = new CountDownLatch(1);
        queues.run(plan, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        queues.run(plan, later::countDown);
        queues.run(otherPlan, other::countDown);

        assertTrue(other.await(10, TimeUnit.SECONDS), "the other plan's work was held up");
        assertEquals(1, later.getCount(), "the plan's later work ran beside the piece still waiting");
        release.countDown();
        assertTrue(later.await(10, TimeUnit.SECONDS));
    }

    @Test
    void a_piece_of_work_that_fails_does_not_stop_the_plans_later_work() {
        var byHand = new ByHand();
        var queues = new PlanQueues(byHand);
        var done = new ArrayList<String>();
        queues.run(plan, () -> {
            throw new IllegalStateException("the database went away");
        });
        queues.run(plan, () -> done.add("after"));

        byHand.runNext();

        assertEquals(List.of("after"), done);
        assertEquals(0, queues.busyPlans());
    }

    @Test
    void a_busy_plan_lets_another_plans_work_have_the_thread_after_its_turn() {
        var byHand = new ByHand();
        var queues = new PlanQueues(byHand);
        var done = new ArrayList<String>();
        for (int i = 0; i <= PlanQueues.TURN; i++) {
            int piece = i;
            queues.run(plan, () -> done.add("plan " + piece));
        }
        queues.run(otherPlan, () -> done.add("other plan"));

        byHand.runNext();
        byHand.runNext();
        byHand.runNext();

        assertEquals(PlanQueues.TURN + 2, done.size());
        assertEquals("plan " + (PlanQueues.TURN - 1), done.get(PlanQueues.TURN - 1));
        assertEquals("other plan", done.get(PlanQueues.TURN));
        assertEquals("plan " + PlanQueues.TURN, done.get(PlanQueues.TURN + 1));
        assertEquals(List.of(), byHand.tasks);
    }

    @Test
    void work_an_executor_refuses_is_done_on_the_thread_that_brought_it_and_in_order() {
        var done = new ArrayList<String>();
        var queues = new PlanQueues(task -> {
            throw new RejectedExecutionException("stopping");
        });

        queues.run(plan, () -> done.add("first"));
        queues.run(plan, () -> done.add("second"));

        assertEquals(List.of("first", "second"), done);
        assertEquals(0, queues.busyPlans());
    }
}
