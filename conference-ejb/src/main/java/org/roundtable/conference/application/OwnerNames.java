package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;

/** The names of everyone who can own an action in a family's plan: its members and the agencies. */
@ApplicationScoped
public class OwnerNames {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyService families;

    /** Owner reference ("AGENCY:id", "FAMILY_MEMBER:id") to name. */
    public Map<String, String> of(UUID familyId) {
        Map<String, String> names = new HashMap<>();
        families.membersOf(familyId).forEach(m -> names.put(OwnerKind.FAMILY_MEMBER + ":" + m.id(), m.fullName()));
        em.createQuery("select a from Agency a", Agency.class).getResultStream()
                .forEach(a -> names.put(OwnerKind.AGENCY + ":" + a.id(), a.name()));
        return names;
    }

    public static String nameOf(Map<String, String> names, ActionOwnerRef owner) {
        return owner == null ? "Nobody yet" : names.getOrDefault(owner.toString(), "Unknown");
    }
}
