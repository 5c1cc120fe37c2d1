package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.infrastructure.security.Secrets;

/**
 * Where a person following an invitation goes once signed in: the conference page of the
 * meeting they were invited to, not a list they must search.
 */
@ApplicationScoped
@Transactional
public class InvitationDestination {

    @PersistenceContext
    private EntityManager em;

    public Optional<String> pathFor(String token) {
        return em.createQuery("select i.invitee.conference.id from Invitation i where i.tokenHash = :h", UUID.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token)).getResultStream().findFirst()
                .map(id -> "/conferences/" + id);
    }
}
