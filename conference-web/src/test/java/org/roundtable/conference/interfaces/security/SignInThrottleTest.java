package org.roundtable.conference.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(3, 60, now::get, SignInThrottle.inMemory(now::get));

    @Test
    void one_address_gets_its_burst_and_then_waits_while_other_addresses_are_served() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.take("10.0.0.1"));
        }
        Duration wait = throttle.take("10.0.0.1");
        assertTrue(wait.compareTo(Duration.ofMillis(900)) > 0 && wait.compareTo(Duration.ofSeconds(1)) <= 0, wait::toString);
        assertEquals(Duration.ZERO, throttle.take("10.0.0.2"));
    }

    @Test
    void the_allowance_refills_at_the_configured_rate_and_never_beyond_the_burst() {
        for (int i = 0; i < 3; i++) {
            throttle.take("10.0.0.1");
        }
        now.addAndGet(Duration.ofSeconds(1).toMillis());
        assertEquals(Duration.ZERO, throttle.take("10.0.0.1"), "one a second at 60 a minute");
        assertTrue(throttle.take("10.0.0.1").compareTo(Duration.ZERO) > 0);
        now.addAndGet(Duration.ofHours(1).toMillis());
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.take("10.0.0.1"));
        }
        assertTrue(throttle.take("10.0.0.1").compareTo(Duration.ZERO) > 0, "an hour's quiet earns the burst, not more");
    }

    @Test
    void a_refused_request_uses_up_nothing() {
        for (int i = 0; i < 3; i++) {
            throttle.take("10.0.0.1");
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(throttle.take("10.0.0.1").compareTo(Duration.ZERO) > 0);
        }
        now.addAndGet(Duration.ofSeconds(1).toMillis());
        assertEquals(Duration.ZERO, throttle.take("10.0.0.1"), "hammering while refused does not push the allowance further away");
    }

    @Test
    void one_address_spreading_its_requests_over_three_nodes_gets_one_allowance_not_three() {
        var shared = SignInThrottle.inMemory(now::get);
        var nodes = new SignInThrottle[] {
            new SignInThrottle(3, 60, now::get, shared),
            new SignInThrottle(3, 60, now::get, shared),
            new SignInThrottle(3, 60, now::get, shared)
        };
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, nodes[i].take("10.0.0.1"), "request " + (i + 1) + " on node " + i);
        }
        for (var node : nodes) {
            assertTrue(node.take("10.0.0.1").compareTo(Duration.ZERO) > 0, "the burst was used on the other nodes");
        }
    }

    @Test
    void another_node_writing_the_same_allowance_first_is_read_again_not_overwritten() {
        var shared = SignInThrottle.inMemory(now::get);
        var other = new SignInThrottle(3, 60, now::get, shared);
        var racing = new AtomicInteger();
        // Before each of this node's writes, the other node takes one request (up to two of them).
        var here = new SignInThrottle(3, 60, now::get, new SignInThrottle.Store() {
            @Override
            public Long fullAt(String source) {
                return shared.fullAt(source);
            }

            @Override
            public boolean replace(String source, Long expected, long next, Duration keep) {
                if (racing.getAndIncrement() < 2) {
                    other.take(source);
                }
                return shared.replace(source, expected, next, keep);
            }
        });
        assertEquals(Duration.ZERO, here.take("10.0.0.1"), "the third of the burst");
        assertTrue(other.take("10.0.0.1").compareTo(Duration.ZERO) > 0, "all three were counted: none was written over");
    }

    @Test
    void a_shared_store_that_fails_still_leaves_the_address_limited_on_this_node() {
        var broken = new SignInThrottle(3, 60, now::get, new SignInThrottle.Store() {
            @Override
            public Long fullAt(String source) {
                throw new IllegalStateException("the cluster is changing its members");
            }

            @Override
            public boolean replace(String source, Long expected, long next, Duration keep) {
                throw new IllegalStateException("the cluster is changing its members");
            }
        });
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, broken.take("10.0.0.1"));
        }
        assertTrue(broken.take("10.0.0.1").compareTo(Duration.ZERO) > 0, "counted in memory meanwhile");
    }

    @Test
    void an_address_whose_allowance_others_keep_changing_first_is_refused_not_let_through() {
        var losing = new SignInThrottle(3, 60, now::get, new SignInThrottle.Store() {
            @Override
            public Long fullAt(String source) {
                return null;
            }

            @Override
            public boolean replace(String source, Long expected, long next, Duration keep) {
                return false;
            }
        });
        assertEquals(Duration.ofSeconds(1), losing.take("10.0.0.1"), "told to wait one interval");
    }

    @Test
    void a_node_whose_clock_runs_fast_cannot_lock_an_address_out_for_longer_than_one_interval_elsewhere() {
        var shared = SignInThrottle.inMemory(now::get);
        var fast = new AtomicLong(now.get() + Duration.ofMinutes(10).toMillis());
        var onTheFastNode = new SignInThrottle(3, 60, fast::get, shared);
        var here = new SignInThrottle(3, 60, now::get, shared);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, onTheFastNode.take("10.0.0.1"));
        }
        assertEquals(Duration.ofSeconds(1), here.take("10.0.0.1"), "one interval, not ten minutes and more");
    }

    @Test
    void an_allowance_is_kept_only_until_it_is_full_again() {
        var keeps = new java.util.ArrayList<Duration>();
        var shared = SignInThrottle.inMemory(now::get);
        var counting = new SignInThrottle(3, 60, now::get, new SignInThrottle.Store() {
            @Override
            public Long fullAt(String source) {
                return shared.fullAt(source);
            }

            @Override
            public boolean replace(String source, Long expected, long next, Duration keep) {
                keeps.add(keep);
                return shared.replace(source, expected, next, keep);
            }
        });
        counting.take("10.0.0.1");
        counting.take("10.0.0.1");
        assertEquals(java.util.List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), keeps,
                "one request is full again a second later at 60 a minute, two after two seconds");
    }
}
