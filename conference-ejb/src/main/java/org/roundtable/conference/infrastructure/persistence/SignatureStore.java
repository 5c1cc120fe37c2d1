package org.roundtable.conference.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.commitment.ActionSignature;
import org.roundtable.conference.infrastructure.audit.AuditLog;

/** Signatures on actions. A new one is committed at once, while the plan is held, so no edit slips between. */
@ApplicationScoped
public class SignatureStore {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(ActionSignature signature, UUID familyId, Caller signer) {
        em.persist(signature);
        audit.record(signer, new AuditLog.Event("ACTION_SIGNED", familyId, signature.id(), JSON.createObjectBuilder()
                .add("actionId", signature.actionId().toString()).add("conferenceId", signature.conferenceId().toString())
                .add("contentHash", signature.contentHash()).build().toString()), signature.signedAt());
    }

    /** The latest signature of each action in a conference (void or not). */
    public Map<UUID, ActionSignature> latestByAction(UUID conferenceId) {
        var latest = new HashMap<UUID, ActionSignature>();
        em.createQuery("select s from ActionSignature s where s.conferenceId = :c order by s.signedAt", ActionSignature.class)
                .setParameter("c", conferenceId).getResultStream().forEach(s -> latest.put(s.actionId(), s));
        return latest;
    }
}
