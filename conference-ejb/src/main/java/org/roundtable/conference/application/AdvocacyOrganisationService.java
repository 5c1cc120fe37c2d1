package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.command.AdvocacyOrganisationCommand;
import org.roundtable.conference.application.view.AdvocacyOrganisationView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.AdvocacyOrganisation;

/** The organisations advocates come from: administrators keep the list, staff choose from it. */
@ApplicationScoped
@Transactional
public class AdvocacyOrganisationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    public List<AdvocacyOrganisationView> list(Caller caller) {
        policy.requireStaff(caller);
        return em.createQuery("select o from AdvocacyOrganisation o order by o.name", AdvocacyOrganisation.class)
                .getResultList().stream().map(AdvocacyOrganisationView::of).toList();
    }

    public AdvocacyOrganisationView get(Caller caller, UUID id) {
        policy.requireStaff(caller);
        return AdvocacyOrganisationView.of(lookup.require(AdvocacyOrganisation.class, id, "advocacy organisation"));
    }

    public AdvocacyOrganisationView create(Caller caller, AdvocacyOrganisationCommand command) {
        policy.requireAdministrator(caller);
        requireUniqueName(command.name(), null);
        var organisation = new AdvocacyOrganisation(command.name().strip(), Text.blankToNull(command.contactPhone()),
                Text.blankToNull(command.contactEmail()));
        em.persist(organisation);
        return AdvocacyOrganisationView.of(organisation);
    }

    public AdvocacyOrganisationView update(Caller caller, UUID id, AdvocacyOrganisationCommand command) {
        policy.requireAdministrator(caller);
        var organisation = lookup.require(AdvocacyOrganisation.class, id, "advocacy organisation");
        requireUniqueName(command.name(), id);
        organisation.change(command.name().strip(), Text.blankToNull(command.contactPhone()), Text.blankToNull(command.contactEmail()));
        return AdvocacyOrganisationView.of(organisation);
    }

    private void requireUniqueName(String name, UUID except) {
        var clash = em.createQuery("select o.id from AdvocacyOrganisation o where lower(o.name) = lower(:n)", UUID.class)
                .setParameter("n", name.strip()).getResultList();
        if (clash.stream().anyMatch(id -> !id.equals(except))) {
            throw new InvalidInput("name", "There is already an organisation with that name.");
        }
    }
}
