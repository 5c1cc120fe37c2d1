package org.roundtable.conference.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/**
 * Whether an agency may see one kind of a family's information: the family's preference (no
 * preference means share), unless a professional of that agency recorded an override. Answers
 * are cached, and forgotten whenever a preference or an override changes (on this node: a
 * cluster would send the same "forget" to every node).
 */
@ApplicationScoped
public class SharingRules {

    /** The answer for one agency and kind: shared or not, and what the family asked for. */
    public record Answer(boolean shared, SharingPreference preference) {
    }

    private final ConcurrentMap<String, Answer> cache = new ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager em;

    public Answer answer(UUID familyId, UUID agencyId, InformationKind kind) {
        return cache.computeIfAbsent(familyId + ":" + agencyId + ":" + kind, k -> {
            SharingPreference preference = preference(familyId, agencyId, kind);
            if (preference == SharingPreference.SHARE) {
                return new Answer(true, preference);
            }
            long overrides = em.createQuery("""
                    select count(d) from SharingDecision d where d.familyId = :f and d.agencyId = :a and d.kind = :k""", Long.class)
                    .setParameter("f", familyId).setParameter("a", agencyId).setParameter("k", kind).getSingleResult();
            return new Answer(overrides > 0, preference);
        });
    }

    public SharingPreference preference(UUID familyId, UUID agencyId, InformationKind kind) {
        List<?> rows = em.createNativeQuery("select preference from sharing_preference where family_id = ?1 and agency_id = ?2 and kind = ?3")
                .setParameter(1, familyId).setParameter(2, agencyId).setParameter(3, kind.name()).getResultList();
        return rows.isEmpty() ? SharingPreference.SHARE : SharingPreference.valueOf((String) rows.get(0));
    }

    /** Called after any change of preference or override. */
    public void forget() {
        cache.clear();
    }

    /**
     * Again once the change is committed, so no answer read in between survives. First among
     * the observers, so the live rooms' re-check that follows reads the new answer.
     */
    void onAccessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1) AccessChanged change) {
        forget();
    }
}
