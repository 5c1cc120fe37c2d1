package org.roundtable.conference.interfaces.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionLaneTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void messages_that_wait_are_handled_one_at_a_time_in_the_order_they_arrived_even_with_many_workers() throws Exception {
        var lane = new ConnectionLane();
        var handled = new ArrayList<Integer>();
        var done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            lane.add(() -> {
                synchronized (handled) {
                    handled.add(n);
                }
                done.countDown();
            }, workers);
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        var expected = new ArrayList<Integer>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, handled);
    }

    @Test
    void a_message_may_skip_the_lane_only_while_nothing_of_its_connection_waits_there() throws Exception {
        var lane = new ConnectionLane();
        assertTrue(lane.idle());
        var release = new CountDownLatch(1);
        var finished = new CountDownLatch(1);
        lane.add(() -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.countDown();
        }, workers);
        assertFalse(lane.idle(), "a message still being handled keeps the lane busy");
        release.countDown();
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lane.idle() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(lane.idle());
    }

    @Test
    void a_message_that_fails_does_not_stop_the_ones_behind_it() throws Exception {
        var lane = new ConnectionLane();
        var after = new CountDownLatch(1);
        lane.add(() -> {
            throw new IllegalStateException("boom");
        }, workers);
        lane.add(after::countDown, workers);
        assertTrue(after.await(5, TimeUnit.SECONDS));
        List<Runnable> none = workers.shutdownNow();
        assertTrue(none.isEmpty());
    }
}
