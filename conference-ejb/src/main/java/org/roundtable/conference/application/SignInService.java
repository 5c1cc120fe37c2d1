package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.application.view.CallerView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.UserSession;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.CallerKind;

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
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Transactional(dontRollbackOn = {SignInRefused.class, TooManyAttempts.class})
    public SignInResult signIn(String username, String password) {
        Instant now = clock.instant();
        var staff = em.createQuery("select s from StaffMember s where s.username = :u", StaffMember.class)
                .setParameter("u", username.strip().toLowerCase()).getResultStream().findFirst();
        if (staff.isEmpty() || !staff.get().isActive()) {
            passwords.spendTimeAsIfChecking(password);
            throw new SignInRefused(WRONG_CREDENTIALS);
        }
        StaffMember member = staff.get();
        if (member.isLockedAt(now)) {
            throw new TooManyAttempts(Duration.between(now, member.lockedUntil()));
        }
        if (!passwords.matches(password, member.passwordHash())) {
            member.recordFailedSignIn(now);
            if (member.isLockedAt(now)) {
                throw new TooManyAttempts(Duration.between(now, member.lockedUntil()));
            }
            throw new SignInRefused(WRONG_CREDENTIALS);
        }
        member.recordSuccessfulSignIn();
        return openSession(CallerKind.STAFF, member.id());
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
                caller.familyId(), caller.roles());
    }

    private Optional<Caller> callerFor(CallerKind kind, UUID id) {
        return switch (kind) {
            case STAFF -> Optional.ofNullable(em.find(StaffMember.class, id)).filter(StaffMember::isActive)
                    .map(s -> Caller.staff(s.id(), s.fullName(), s.agency().id(), s.roles()));
            case FAMILY_MEMBER -> Optional.ofNullable(em.find(FamilyMember.class, id))
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
