package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.CallerKind;

/**
 * The addresses families and advocates sign in with. Giving someone an address (when they are
 * added, or when they change it) emails a confirmation link to it; only once the person there
 * has followed it does the address sign anyone in. Until then a confirmed older address keeps
 * working, so a typo cannot lock anyone out.
 */
@ApplicationScoped
@Transactional
public class SignInAddresses {

    /** How long a confirmation link works; an address left unconfirmed longer can be given to someone else. */
    public static final Duration CONFIRM_WITHIN = Duration.ofDays(7);
    static final String TAKEN = "This email address is already used by someone else to sign in. Each person needs an address of their own.";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    /** The confirmed address, if any, that this email is. */
    public Optional<SignInAddress> confirmed(String email) {
        return Optional.ofNullable(em.find(SignInAddress.class, SignInAddress.normalise(email))).filter(SignInAddress::isConfirmed);
    }

    /** Whether this person signs in with exactly this email now. */
    public boolean isConfirmedFor(CallerKind kind, UUID personId, String email) {
        return email != null && confirmed(email).filter(a -> a.belongsTo(kind, personId)).isPresent();
    }

    /** Refuses (as bad input on the email field) an address that is someone else's. */
    public void requireFree(String email, CallerKind kind, UUID personId) {
        var existing = em.find(SignInAddress.class, SignInAddress.normalise(email));
        if (existing != null && !existing.belongsTo(kind, personId) && !abandoned(existing)) {
            throw new InvalidInput("email", TAKEN);
        }
    }

    /**
     * The person is to sign in with this address (null: with none). A new address waits for
     * confirmation and is sent the link, in both languages, first in the one the address was given
     * in (the giver's); returns whether it is waiting.
     */
    public boolean give(CallerKind kind, UUID personId, String name, String email, Language asked) {
        if (email == null || email.isBlank()) {
            em.createQuery("delete from SignInAddress a where a.callerKind = :k and a.callerId = :id")
                    .setParameter("k", kind).setParameter("id", personId).executeUpdate();
            return false;
        }
        String address = SignInAddress.normalise(email);
        requireFree(address, kind, personId);
        var existing = em.find(SignInAddress.class, address);
        if (existing != null && existing.isConfirmed()) {
            forgetPendingOf(kind, personId, address);
            return false;
        }
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        forgetPendingOf(kind, personId, address);
        String token = Secrets.token();
        em.persist(SignInAddress.awaitingConfirmation(address, kind, personId, Secrets.sha256(token), clock.instant()));
        var letter = AddressConfirmation.to(name, token, CONFIRM_WITHIN.toDays(), asked);
        mail.queue(address, letter.subject(), letter.body());
        return true;
    }

    /** The person at the address follows the link: the address now signs them in, and replaces any older one. */
    public String confirm(String token) {
        var address = em.createQuery("select a from SignInAddress a where a.tokenHash = :h", SignInAddress.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token)).getResultStream().findFirst()
                .filter(a -> !abandoned(a))
                .orElseThrow(() -> new SignInRefused("This confirmation link is not valid: it was used already or is more than "
                        + CONFIRM_WITHIN.toDays() + " days old. Ask the person who added you to enter your address again."));
        address.confirm(clock.instant());
        em.createQuery("delete from SignInAddress a where a.callerKind = :k and a.callerId = :id and a.email <> :e")
                .setParameter("k", address.callerKind()).setParameter("id", address.callerId()).setParameter("e", address.email())
                .executeUpdate();
        return address.email();
    }

    /** Of these people, those with an address still waiting for confirmation. */
    public Set<UUID> awaitingConfirmation(CallerKind kind, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = em.createQuery("""
                select a.callerId from SignInAddress a
                where a.callerKind = :k and a.callerId in :ids and a.confirmedAt is null and a.createdAt > :since""", UUID.class)
                .setParameter("k", kind).setParameter("ids", personIds)
                .setParameter("since", clock.instant().minus(CONFIRM_WITHIN)).getResultList();
        return new HashSet<>(ids);
    }

    private void forgetPendingOf(CallerKind kind, UUID personId, String except) {
        em.createQuery("delete from SignInAddress a where a.callerKind = :k and a.callerId = :id and a.confirmedAt is null and a.email <> :e")
                .setParameter("k", kind).setParameter("id", personId).setParameter("e", except).executeUpdate();
    }

    /** An address nobody confirmed in time holds nothing: it may be given to someone else. */
    private boolean abandoned(SignInAddress address) {
        return !address.isConfirmed() && address.createdAt().isBefore(clock.instant().minus(CONFIRM_WITHIN));
    }
}
