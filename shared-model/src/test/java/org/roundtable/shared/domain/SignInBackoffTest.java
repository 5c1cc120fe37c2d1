package org.roundtable.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SignInBackoffTest {

    @Test
    void the_first_mistakes_do_not_lock_the_account() {
        for (int failures = 0; failures < SignInBackoff.FREE_ATTEMPTS; failures++) {
            assertEquals(Duration.ZERO, SignInBackoff.lockAfter(failures));
        }
    }

    @Test
    void each_further_mistake_doubles_the_wait() {
        assertEquals(Duration.ofMinutes(1), SignInBackoff.lockAfter(5));
        assertEquals(Duration.ofMinutes(2), SignInBackoff.lockAfter(6));
        assertEquals(Duration.ofMinutes(4), SignInBackoff.lockAfter(7));
    }

    @Property
    void the_wait_never_shrinks_and_never_exceeds_an_hour(@ForAll @IntRange(min = 0, max = 10_000) int failures) {
        Duration lock = SignInBackoff.lockAfter(failures);
        assertTrue(lock.compareTo(Duration.ofHours(1)) <= 0);
        assertTrue(lock.compareTo(SignInBackoff.lockAfter(Math.max(0, failures - 1))) >= 0);
    }
}
