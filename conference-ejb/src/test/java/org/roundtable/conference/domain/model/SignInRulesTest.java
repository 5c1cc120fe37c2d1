package org.roundtable.conference.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.access.Invitation;
import org.roundtable.conference.domain.model.access.OneTimeCode;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.access.SignInGuard;
import org.roundtable.conference.domain.model.access.UserSession;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.AgencyKind;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.SignInBackoff;

class SignInRulesTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void a_code_expires_after_ten_minutes() {
        var code = new OneTimeCode(CallerKind.FAMILY_MEMBER, UUID.randomUUID(), Secrets.sha256("123456"), now);
        assertEquals(OneTimeCode.Outcome.EXPIRED, code.attempt(Secrets.sha256("123456"), now.plus(Duration.ofMinutes(10))));
    }

    @Test
    void a_code_works_once() {
        var code = new OneTimeCode(CallerKind.FAMILY_MEMBER, UUID.randomUUID(), Secrets.sha256("123456"), now);
        assertEquals(OneTimeCode.Outcome.ACCEPTED, code.attempt(Secrets.sha256("123456"), now.plusSeconds(30)));
        assertEquals(OneTimeCode.Outcome.USED_UP, code.attempt(Secrets.sha256("123456"), now.plusSeconds(31)));
    }

    @Test
    void five_wrong_guesses_use_a_code_up() {
        var code = new OneTimeCode(CallerKind.ADVOCATE, UUID.randomUUID(), Secrets.sha256("123456"), now);
        for (int i = 0; i < 5; i++) {
            assertEquals(OneTimeCode.Outcome.WRONG, code.attempt(Secrets.sha256("000000"), now), "each checked guess counts");
        }
        assertEquals(OneTimeCode.Outcome.USED_UP, code.attempt(Secrets.sha256("000000"), now));
        assertEquals(OneTimeCode.Outcome.USED_UP, code.attempt(Secrets.sha256("123456"), now));
    }

    @Test
    void a_session_ends_when_idle_and_after_a_working_day_however_busy() {
        var session = new UserSession("hash", "csrf", CallerKind.STAFF, UUID.randomUUID(), now);
        assertTrue(session.isValidAt(now.plus(Duration.ofMinutes(119))));
        assertFalse(session.isValidAt(now.plus(Duration.ofMinutes(121))));
        Instant t = now;
        for (int i = 0; i < 13; i++) {
            t = t.plus(Duration.ofMinutes(59));
            session.touch(t);
        }
        assertFalse(session.isValidAt(t), "12 hours is the limit even for an active session");
    }

    @Test
    void repeated_failures_lock_and_success_or_a_quiet_day_starts_the_count_again() {
        var guard = new SignInGuard("staff:tom|10.0.0.1", now);
        for (int i = 0; i < 4; i++) {
            assertFalse(guard.recordFailure(now, SignInBackoff::lockAfter));
        }
        assertFalse(guard.isLockedAt(now));
        assertTrue(guard.recordFailure(now, SignInBackoff::lockAfter), "the fifth failure starts a lock");
        assertTrue(guard.isLockedAt(now));
        assertFalse(guard.isLockedAt(now.plus(Duration.ofMinutes(1))));
        guard.recordSuccess(now);
        assertFalse(guard.recordFailure(now, SignInBackoff::lockAfter), "the count starts again after a success");
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(now, SignInBackoff::lockAfter);
        }
        assertFalse(guard.recordFailure(now.plus(Duration.ofDays(1).plusSeconds(1)), SignInBackoff::lockAfter),
                "failures a day old are forgotten");
        assertEquals(1, guard.failures());
    }

    @Test
    void an_address_is_compared_without_case_or_spaces() {
        var address = SignInAddress.confirmed("  Jess.Taylor@Example.org ", CallerKind.FAMILY_MEMBER, UUID.randomUUID(), now);
        assertEquals("jess.taylor@example.org", address.email());
        assertTrue(address.isConfirmed());
        assertFalse(SignInAddress.awaitingConfirmation("a@example.org", CallerKind.ADVOCATE, UUID.randomUUID(), "hash", now).isConfirmed());
    }

    @Test
    void secrets_are_long_random_and_stored_only_as_hashes() {
        assertTrue(Secrets.token().length() >= 43);
        assertFalse(Secrets.token().equals(Secrets.token()));
        assertTrue(Secrets.sixDigitCode().matches("\\d{6}"));
        assertEquals(64, Secrets.sha256("x").length());
    }

    @Test
    void an_invitation_is_single_use_and_expires() {
        var family = new Family("F", null, now);
        var agency = new Agency("A", AgencyKind.OTHER);
        var chair = new StaffMember(agency, "C", "c@example.org", "c", "h", Set.of());
        var conference = new Conference(family,
                ConferenceKind.OTHER, now, chair);
        var invitation = new Invitation(conference.invitees().get(0),
                "c@example.org", "hash", now);
        invitation.redeem(now.plus(Duration.ofDays(6)));
        assertThrows(DomainRuleViolation.class, () -> invitation.redeem(now.plus(Duration.ofDays(6))));
        var late = new Invitation(conference.invitees().get(0),
                "c@example.org", "hash2", now);
        assertThrows(DomainRuleViolation.class, () -> late.redeem(now.plus(Duration.ofDays(7))));
    }
}
