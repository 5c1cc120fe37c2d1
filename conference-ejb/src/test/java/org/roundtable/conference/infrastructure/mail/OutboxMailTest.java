package org.roundtable.conference.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    @Test
    void a_failed_email_waits_twice_as_long_each_time_up_to_an_hour() {
        Duration first = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(30), OutboxMail.waitAfter(1, first));
        assertEquals(Duration.ofSeconds(60), OutboxMail.waitAfter(2, first));
        assertEquals(Duration.ofSeconds(120), OutboxMail.waitAfter(3, first));
        assertEquals(Duration.ofHours(1), OutboxMail.waitAfter(8, first));
        assertEquals(Duration.ofHours(1), OutboxMail.waitAfter(500, first), "no overflow however often it failed");
    }

    @Test
    void a_code_that_has_expired_is_not_worth_sending() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        var code = new OutboxMail("a@example.org", "Your code", "123456", now, now.plus(Duration.ofMinutes(10)));
        assertFalse(code.isExpiredAt(now.plus(Duration.ofMinutes(9))));
        assertTrue(code.isExpiredAt(now.plus(Duration.ofMinutes(10))));
        assertFalse(new OutboxMail("a@example.org", "Reminder", "...", now, null).isExpiredAt(now.plus(Duration.ofDays(30))),
                "other emails keep trying");
    }
}
