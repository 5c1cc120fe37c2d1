package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.CodeRequest;
import org.roundtable.conference.domain.model.access.OneTimeCode;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.shared.domain.CallerKind;

/**
 * "Email me a sign-in code" in two halves. The request writes one {@link CodeRequest} row and
 * answers, alike for every address: it never reads whose address it is, so neither its answer,
 * its writes nor its timing tell an outsider whether the address signs anyone in. Straight after
 * it commits (and, after a crash, on {@code CodeRequestTimer}'s tick) the request is answered:
 * a code goes out if the address is confirmed and {@link OneTimeCodes} allows one.
 */
@ApplicationScoped
public class CodeRequests {

    /** Fired when a request was recorded; it is answered once the transaction has committed. */
    public record CodeRequested() {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private OneTimeCodes codes;

    @Inject
    private Clock clock;

    @Inject
    private Event<CodeRequested> requested;

    /** chosenOnPage: the language the person chose on the page they asked on; null when they chose none. */
    @Transactional
    public CodeChallenge record(String email, Language chosenOnPage) {
        String address = SignInAddress.normalise(email);
        var request = new CodeRequest(address, clock.instant(), chosenOnPage);
        em.persist(request);
        requested.fire(new CodeRequested());
        return new CodeChallenge(request.id(), CodeChallenge.mask(address));
    }

    /** Requests not answered yet, oldest first. */
    @Transactional
    public List<UUID> waiting(int max) {
        return em.createQuery("select r.id from CodeRequest r order by r.requestedAt", UUID.class).setMaxResults(max).getResultList();
    }

    /**
     * Answers one request, once across every node (the row is deleted by whoever gets it first).
     * A request older than a code's life is dropped: its code would arrive useless.
     */
    @Transactional
    public void answer(UUID requestId) {
        var request = em.find(CodeRequest.class, requestId);
        if (request == null
                || em.createQuery("delete from CodeRequest r where r.id = :id").setParameter("id", requestId).executeUpdate() == 0) {
            return;
        }
        Instant now = clock.instant();
        if (request.requestedAt().plus(OneTimeCode.VALID_FOR).isBefore(now)) {
            return;
        }
        addresses.confirmed(request.email()).filter(a -> personExists(a.callerKind(), a.callerId()))
                .ifPresent(a -> codes.send(a.callerKind(), a.callerId(), a.email(), request.id(), request.chosenOnPage().orElse(null)));
    }

    private boolean personExists(CallerKind kind, UUID id) {
        return switch (kind) {
            case FAMILY_MEMBER -> java.util.Optional.ofNullable(em.find(FamilyMember.class, id)).filter(FamilyMember::isCurrent).isPresent();
            case ADVOCATE -> em.find(Advocate.class, id) != null;
            case STAFF -> false;
        };
    }
}
