package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.OneTimeCode;
import org.roundtable.conference.domain.model.access.SignInGuard;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.CallerKind;

/**
 * Sending and checking one-time codes so that they cannot be guessed. Per person: at most
 * {@value #REQUESTS_PER_WINDOW} codes in a quarter of an hour (a sign-in starts the count again);
 * a new code cancels the older ones; and {@value #FAILURE_BUDGET} wrong codes, across every code,
 * pause sign-in with codes for an hour and tell the person by email. A refusal never says which
 * rule refused, and looks like the answer for an address nobody has.
 */
@ApplicationScoped
@Transactional
public class OneTimeCodes {

    public static final int REQUESTS_PER_WINDOW = 10;
    public static final Duration REQUEST_WINDOW = Duration.ofMinutes(15);
    public static final int FAILURE_BUDGET = 10;
    public static final Duration COOL_DOWN = Duration.ofHours(1);
    static final String REFUSED = "That code is not right, or it has expired or been replaced. Check the latest email from us, or ask for a new code.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma 'on' EEEE d MMMM", Locale.UK);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SignInGuards guards;

    @Inject
    private MailOutbox mail;

    @Inject
    private SignInService signIn;

    @Inject
    private Clock clock;

    /** Emails a new code unless a limit says no; the answer is the same either way. */
    public CodeChallenge send(CallerKind kind, UUID personId, String email) {
        return send(kind, personId, email, UUID.randomUUID());
    }

    /** The same, for a challenge whose id the person already holds. */
    public CodeChallenge send(CallerKind kind, UUID personId, String email, UUID challengeId) {
        Instant now = clock.instant();
        SignInGuard guard = guards.lockFor(key(kind, personId), now);
        if (guard.isLockedAt(now) || recentCodes(kind, personId, now) >= REQUESTS_PER_WINDOW) {
            return decoy(email);
        }
        em.createQuery("""
                update OneTimeCode c set c.cancelledAt = :now
                where c.callerKind = :k and c.callerId = :id and c.usedAt is null and c.cancelledAt is null""")
                .setParameter("now", now).setParameter("k", kind).setParameter("id", personId).executeUpdate();
        String code = Secrets.sixDigitCode();
        var challenge = new OneTimeCode(challengeId, kind, personId, Secrets.sha256(code), now);
        em.persist(challenge);
        mail.queue(email, "Your Roundtable sign-in code: " + code,
                "Your sign-in code is:\n\n    " + code + "\n\n"
                        + "Type it on the sign-in page. It works once and for " + OneTimeCode.VALID_FOR.toMinutes()
                        + " minutes, and only until you ask for another.\nIf you did not ask for a code, you can ignore this email.\n",
                challenge.expiresAt());
        return new CodeChallenge(challenge.id(), CodeChallenge.mask(email));
    }

    /** What an address nobody signs in with gets: a challenge that no code will ever answer. */
    public static CodeChallenge decoy(String email) {
        return new CodeChallenge(UUID.randomUUID(), CodeChallenge.mask(email));
    }

    @Transactional(dontRollbackOn = SignInRefused.class)
    public SignInResult verify(UUID challengeId, String code) {
        var challenge = challengeId == null ? null : em.find(OneTimeCode.class, challengeId);
        if (challenge == null) {
            throw new SignInRefused(REFUSED);
        }
        Instant now = clock.instant();
        SignInGuard guard = guards.lockFor(key(challenge.callerKind(), challenge.callerId()), now);
        if (guard.isLockedAt(now)) {
            throw new SignInRefused(REFUSED);
        }
        var outcome = challenge.attempt(Secrets.sha256(code.strip()), now);
        if (outcome == OneTimeCode.Outcome.ACCEPTED) {
            guard.recordSuccess(now);
            return signIn.openSession(challenge.callerKind(), challenge.callerId());
        }
        if (outcome == OneTimeCode.Outcome.WRONG
                && guard.recordFailure(now, failures -> failures >= FAILURE_BUDGET ? COOL_DOWN : Duration.ZERO)) {
            tellOfPause(challenge.callerKind(), challenge.callerId(), guard.lockedUntil());
        }
        throw new SignInRefused(REFUSED);
    }

    private long recentCodes(CallerKind kind, UUID personId, Instant now) {
        Instant lastSignIn = em.createQuery("select max(c.usedAt) from OneTimeCode c where c.callerKind = :k and c.callerId = :id", Instant.class)
                .setParameter("k", kind).setParameter("id", personId).getSingleResult();
        Instant windowStart = now.minus(REQUEST_WINDOW);
        Instant since = lastSignIn != null && lastSignIn.isAfter(windowStart) ? lastSignIn : windowStart;
        return em.createQuery("select count(c) from OneTimeCode c where c.callerKind = :k and c.callerId = :id and c.createdAt > :since", Long.class)
                .setParameter("k", kind).setParameter("id", personId).setParameter("since", since).getSingleResult();
    }

    private void tellOfPause(CallerKind kind, UUID personId, Instant until) {
        em.createQuery("select a.email from SignInAddress a where a.callerKind = :k and a.callerId = :id and a.confirmedAt is not null", String.class)
                .setParameter("k", kind).setParameter("id", personId).getResultStream().findFirst()
                .ifPresent(email -> mail.queue(email, "Roundtable: signing in with codes is paused for your account",
                        FAILURE_BUDGET + " wrong sign-in codes were typed for your account, so we have paused signing in with codes until "
                                + TIME.format(until.atZone(ClockProducer.LOCAL_ZONE)) + ".\n\n"
                                + "Nobody got in. If it was you, ask for a new code after that time.\n"
                                + "If it was not you, your account is safe; you may want to tell your lead worker.\n"));
    }

    private static String key(CallerKind kind, UUID personId) {
        return "code:" + kind + ":" + personId;
    }
}
