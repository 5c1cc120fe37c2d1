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
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.OneTimeCode;
import org.roundtable.conference.domain.model.access.SignInGuard;
import org.roundtable.conference.domain.model.family.Language;
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

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SignInGuards guards;

    @Inject
    private MailOutbox mail;

    @Inject
    private SignInService signIn;

    @Inject
    private PersonLanguages languages;

    @Inject
    private Clock clock;

    /** Emails a new code unless a limit says no; the answer is the same either way. */
    public CodeChallenge send(CallerKind kind, UUID personId, String email) {
        return send(kind, personId, email, UUID.randomUUID());
    }

    /** The same, for a challenge whose id the person already holds, in the person's own language. */
    public CodeChallenge send(CallerKind kind, UUID personId, String email, UUID challengeId) {
        return send(kind, personId, email, challengeId, null);
    }

    /**
     * The same, written in the language chosen on the page the code was asked for on (the person
     * is reading that page), or in the person's own language when none was chosen (null).
     */
    public CodeChallenge send(CallerKind kind, UUID personId, String email, UUID challengeId, Language chosenOnPage) {
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
        var words = MailTexts.in(chosenOnPage != null ? chosenOnPage : languages.of(kind, personId));
        mail.queue(email, words.fill("code.subject", Map.of("code", code)),
                words.fill("code.body", Map.of("code", code, "minutes", OneTimeCode.VALID_FOR.toMinutes())),
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
                .ifPresent(email -> {
                    var words = MailTexts.in(languages.of(kind, personId));
                    String when = DateTimeFormatter.ofPattern(words.get("paused.time"), words.language().locale())
                            .format(until.atZone(ClockProducer.LOCAL_ZONE));
                    mail.queue(email, words.get("paused.subject"), words.fill("paused.body", Map.of("count", FAILURE_BUDGET, "until", when)));
                });
    }

    private static String key(CallerKind kind, UUID personId) {
        return "code:" + kind + ":" + personId;
    }
}
