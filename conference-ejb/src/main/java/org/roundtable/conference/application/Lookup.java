package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.UUID;
import java.util.function.Function;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;

/** Finding entities by id and reading pages: the two things every service does the same way. */
@ApplicationScoped
public class Lookup {

    @PersistenceContext
    private EntityManager em;

    /** The entity, or "not found" named for a person (for example "family member"). */
    public <T> T require(Class<T> type, UUID id, String what) {
        T found = id == null ? null : em.find(type, id);
        if (found == null) {
            throw new ResourceNotFound(what);
        }
        return found;
    }

    public <T, R> Page<R> page(TypedQuery<T> query, TypedQuery<Long> count, PageRequest request,
            Function<? super T, R> view) {
        var items = query.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return new Page<>(items.stream().<R>map(view).toList(), request.page(), request.size(), count.getSingleResult());
    }
}
