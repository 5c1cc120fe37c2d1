package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.view.CallerView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.UnlockLink;
import org.roundtable.conference.domain.model.access.UserSession;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.SignInBackoff;

/**
 * Staff sign-in with a password, server-side sessions for everyone, and signing out. A session
 * is resolved against current data on every request: a deactivated account or a family member
 * who was removed is signed out at their next request.
 */
@ApplicationScoped
@Transactional
public class SignInService {

    private static final String WRONG_CREDENTIALS = "The username or password is not right. Check them and try again.";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PersonLanguages languages;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Inject
    private SignInGuards guards;

    @Inject
    private MailOutbox mail;

    /**
     * Staff sign in. Failures are counted per username and source address, for known and
     * unknown usernames alike (so a lock-out says nothing about who exists), and a lock-out from
     * one address does not keep the person out from another; the person is emailed a link that
     * lifts it everywhere.
     */
    @Transactional(dontRollbackOn = {SignInRefused.class, TooManyAttempts.class})
    public SignInResult signIn(String username, String password, String source) {
        Instant now = clock.instant();
        String name = username.strip().toLowerCase(Locale.ROOT);
        var guard = guards.lockFor(staffKey(name) + source, now);
        if (guard.isLockedAt(now)) {
            throw new TooManyAttempts(Duration.between(now, guard.lockedUntil()));
        }
        var staff = em.createQuery("select s from StaffMember s where s.username = :u", StaffMember.class)
                .setParameter("u", name).getResultStream().findFirst().filter(StaffMember::isActive);
        boolean right;
        if (staff.isPresent()) {
            right = passwords.matches(password, staff.get().passwordHash());
        } else {
            passwords.spendTimeAsIfChecking(password);
            right = false;
        }
        if (!right) {
            if (guard.recordFailure(now, SignInBackoff::lockAfter)) {
                staff.ifPresent(s -> offerUnlock(s, now));
                throw new TooManyAttempts(Duration.between(now, guard.lockedUntil()));
            }
            throw new SignInRefused(WRONG_CREDENTIALS);
        }
        guard.recordSuccess(now);
        return openSession(CallerKind.STAFF, staff.get().id());
    }

    /** Following the emailed link lifts every lock on the username, from every address. */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public void unlock(String token) {
        var link = em.find(UnlockLink.class, Secrets.sha256(token == null ? "" : token));
        if (link == null || !link.use(clock.instant())) {
            throw new SignInRefused("This unlock link is not valid: it was used already or is more than a day old. "
                    + "Wait for the lock to end, or ask your administrator.");
        }
        guards.forgetAll(staffKey(link.username()));
    }

    /** A new password (set from a link, or after a reset) lifts every lock on the username, from every address. */
    public void liftLocks(String username) {
        guards.forgetAll(staffKey(username));
    }

    private void offerUnlock(StaffMember staff, Instant now) {
        String token = Secrets.token();
        em.persist(new UnlockLink(Secrets.sha256(token), staff.username(), now));
        mail.queue(staff.email(), "Roundtable: someone could not sign in as you",
                "Hello " + staff.fullName() + ",\n\n"
                        + "Several wrong passwords were typed for your Roundtable username, so we have paused sign-in for it from that computer or network.\n"
                        + "If it was you and you want to sign in now, open this link first (it works once, for a day):\n\n"
                        + PublicAddress.base() + "/unlock?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "\n\n"
                        + "If it was not you, nobody got in. Signing in from your usual computer is not affected.\n");
    }

    /** Guards of a username start so; the source address completes the key. Hashed: usernames may be long or odd. */
    private static String staffKey(String username) {
        return "staff:" + Secrets.sha256(username) + "|";
    }

    /** Opens a session for someone whose identity has just been proven (password or one-time code). */
    public SignInResult openSession(CallerKind kind, UUID personId) {
        String token = Secrets.token();
        String csrf = Secrets.token();
        em.persist(new UserSession(Secrets.sha256(token), csrf, kind, personId, clock.instant()));
        var caller = callerFor(kind, personId).orElseThrow(() -> new SignInRefused("This account is not active."));
        return new SignInResult(token, csrf, describe(caller));
    }

    /** The session behind a token, if it is still valid and its person may still sign in. */
    public Optional<AuthenticatedSession> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var session = em.createQuery("select s from UserSession s where s.tokenHash = :h", UserSession.class)
                .setParameter("h", Secrets.sha256(token)).getResultStream().findFirst();
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (!session.get().isValidAt(now)) {
            em.remove(session.get());
            return Optional.empty();
        }
        var caller = callerFor(session.get().callerKind(), session.get().callerId());
        if (caller.isEmpty()) {
            em.remove(session.get());
            return Optional.empty();
        }
        session.get().touch(now);
        return Optional.of(new AuthenticatedSession(session.get().id(), caller.get(), session.get().csrfToken()));
    }

    /** Ends this session: every tab and connection that uses it is signed out. */
    public void signOut(UUID sessionId) {
        em.createQuery("delete from UserSession s where s.id = :id").setParameter("id", sessionId).executeUpdate();
        accessChanged.fire(new AccessChanged("signed out"));
    }

    /** Ends every session of this person, on every device. */
    public int signOutEverywhere(Caller caller) {
        accessChanged.fire(new AccessChanged("signed out everywhere"));
        return em.createQuery("delete from UserSession s where s.callerKind = :k and s.callerId = :id")
                .setParameter("k", caller.kind()).setParameter("id", caller.id()).executeUpdate();
    }

    public CallerView describe(Caller caller) {
        String agencyName = caller.agencyId() == null ? null
                : em.createQuery("select a.name from Agency a where a.id = :id", String.class)
                        .setParameter("id", caller.agencyId()).getSingleResult();
        return new CallerView(caller.kind(), caller.id(), caller.displayName(), caller.agencyId(), agencyName,
                caller.familyId(), caller.roles(), caller.isStaff() ? null : languages.of(caller.kind(), caller.id()).code());
    }

    private Optional<Caller> callerFor(CallerKind kind, UUID id) {
        return switch (kind) {
            case STAFF -> Optional.ofNullable(em.find(StaffMember.class, id)).filter(StaffMember::isActive)
                    .map(s -> Caller.staff(s.id(), s.fullName(), s.agency().id(), s.roles()));
            case FAMILY_MEMBER -> Optional.ofNullable(em.find(FamilyMember.class, id)).filter(FamilyMember::isCurrent)
                    .map(m -> Caller.familyMember(m.id(), m.fullName(), m.family().id()));
            case ADVOCATE -> Optional.ofNullable(em.find(Advocate.class, id))
                    .filter(a -> hasActiveAssignment(a.id()))
                    .map(a -> Caller.advocate(a.id(), a.fullName()));
        };
    }

    private boolean hasActiveAssignment(UUID advocateId) {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("""
                select count(a) from AdvocateAssignment a where a.advocate.id = :id
                  and a.startsOn <= :today and (a.endsOn is null or a.endsOn >= :today)""", Long.class)
                .setParameter("id", advocateId).setParameter("today", today).getSingleResult() > 0;
    }
}
