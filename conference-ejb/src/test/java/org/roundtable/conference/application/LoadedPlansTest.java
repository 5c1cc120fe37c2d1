package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Plans opened once are not kept for ever: memory is bounded by the plans in use. */
class LoadedPlansTest {

    private static final long IDLE = TimeUnit.MINUTES.toNanos(10);
    private static final int MB = 1024 * 1024;

    private final AtomicLong clock = new AtomicLong();
    private final LoadedPlans<byte[]> plans = new LoadedPlans<>(IDLE, clock::get);

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Test
    void ten_thousand_plans_touched_then_left_idle_are_let_go_and_the_heap_returns_to_its_baseline() throws InterruptedException {
        long baseline = heapAfterGc();
        for (int i = 0; i < 10_000; i++) {
            // About what a plan of a few goals with their history holds in memory.
            plans.use(UUID.randomUUID(), id -> new byte[10_000]);
        }
        long loaded = heapAfterGc();
        assertTrue(loaded - baseline > 80L * MB, "the plans are held while in use: " + (loaded - baseline) / MB + " MB");

        clock.addAndGet(IDLE);
        assertEquals(10_000, plans.releaseIdle((plan, letGo) -> {
            letGo.run();
            return true;
        }));
        long after = heapAfterGc();
        assertEquals(0, plans.size());
        assertTrue(after - baseline < 10L * MB, "back near the baseline: " + (after - baseline) / MB + " MB above it");
    }

    @Test
    void a_plan_used_recently_or_still_busy_is_kept_and_one_let_go_is_read_again() {
        UUID busy = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID idle = UUID.randomUUID();
        byte[] busyPlan = plans.use(busy, id -> new byte[1]);
        plans.use(idle, id -> new byte[1]);
        byte[] idlePlan = plans.use(idle, id -> new byte[1]);
        clock.addAndGet(IDLE);
        byte[] recentPlan = plans.use(recent, id -> new byte[1]);
        int released = plans.releaseIdle((plan, letGo) -> {
            if (plan == busyPlan) {
                return false; // its lock is held or a change is still being stored
            }
            letGo.run();
            return true;
        });
        assertEquals(1, released);
        assertSame(busyPlan, plans.use(busy, id -> new byte[1]));
        assertSame(recentPlan, plans.use(recent, id -> new byte[1]));
        assertTrue(!plans.isCurrent(idle, idlePlan));
        assertNotSame(idlePlan, plans.use(idle, id -> new byte[1]), "read again on its next use");
    }
}
