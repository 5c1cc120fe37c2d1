package org.roundtable.conference.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final SignInThrottle throttle = new SignInThrottle(3, 60, now::get);

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
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, throttle.take("10.0.0.1"), "one a second at 60 a minute");
        assertTrue(throttle.take("10.0.0.1").compareTo(Duration.ZERO) > 0);
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.take("10.0.0.1"));
        }
        assertTrue(throttle.take("10.0.0.1").compareTo(Duration.ZERO) > 0, "an hour's quiet earns the burst, not more");
    }
}
