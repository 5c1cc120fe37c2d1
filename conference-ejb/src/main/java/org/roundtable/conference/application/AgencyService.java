package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.roundtable.conference.application.command.AgencyCommand;
import org.roundtable.conference.application.command.NewStaffCommand;
import org.roundtable.conference.application.command.StaffUpdateCommand;
import org.roundtable.conference.application.view.AgencyView;
import org.roundtable.conference.application.view.StaffView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;
import org.roundtable.shared.domain.StaffRole;

/** Agencies and their staff: administrators manage them; staff can look them up. */
@ApplicationScoped
@Transactional
public class AgencyService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Event<AccessChanged> accessChanged;

    public Page<AgencyView> list(Caller caller, PageRequest page) {
        policy.requireStaff(caller);
        return lookup.page(em.createQuery("select a from Agency a order by a.name", Agency.class),
                em.createQuery("select count(a) from Agency a", Long.class), page, AgencyView::of);
    }

    public AgencyView get(Caller caller, UUID agencyId) {
        policy.requireStaff(caller);
        return AgencyView.of(lookup.require(Agency.class, agencyId, "agency"));
    }

    public AgencyView create(Caller caller, AgencyCommand command) {
        policy.requireAdministrator(caller);
        requireUniqueName(command.name(), null);
        var agency = new Agency(command.name().strip(), command.kind());
        em.persist(agency);
        return AgencyView.of(agency);
    }

    public AgencyView update(Caller caller, UUID agencyId, AgencyCommand command) {
        policy.requireAdministrator(caller);
        var agency = lookup.require(Agency.class, agencyId, "agency");
        requireUniqueName(command.name(), agencyId);
        agency.rename(command.name().strip(), command.kind());
        return AgencyView.of(agency);
    }

    public Page<StaffView> staffOf(Caller caller, UUID agencyId, PageRequest page) {
        lookup.require(Agency.class, agencyId, "agency");
        policy.requireMaySeeStaffOf(caller, agencyId);
        return lookup.page(
                em.createQuery("select s from StaffMember s join fetch s.agency where s.agency.id = :a order by s.fullName",
                        StaffMember.class).setParameter("a", agencyId),
                em.createQuery("select count(s) from StaffMember s where s.agency.id = :a", Long.class)
                        .setParameter("a", agencyId),
                page, StaffView::of);
    }

    public StaffView addStaff(Caller caller, UUID agencyId, NewStaffCommand command) {
        policy.requireAdministrator(caller);
        var agency = lookup.require(Agency.class, agencyId, "agency");
        long taken = em.createQuery("select count(s) from StaffMember s where s.username = :u", Long.class)
                .setParameter("u", command.username()).getSingleResult();
        if (taken > 0) {
            throw new InvalidInput("username", "That username is already taken; choose another.");
        }
        var staff = new StaffMember(agency, command.fullName().strip(), command.email().strip(), command.username(),
                passwords.hash(command.password()), command.roles());
        em.persist(staff);
        return StaffView.of(staff);
    }

    public StaffView updateStaff(Caller caller, UUID staffId, StaffUpdateCommand command) {
        policy.requireAdministrator(caller);
        var staff = lookup.require(StaffMember.class, staffId, "member of staff");
        if (staff.id().equals(caller.id()) && (!command.active() || !command.roles().contains(
                StaffRole.ADMINISTRATOR))) {
            throw new InvalidInput("roles", "You cannot remove your own administrator access or deactivate yourself.");
        }
        staff.update(command.fullName().strip(), command.email().strip(), command.roles(), command.active());
        accessChanged.fire(new AccessChanged("staff member changed"));
        if (!command.active()) {
            // A deactivated account loses every session at once.
            em.createQuery("delete from UserSession s where s.callerKind = :kind and s.callerId = :id")
                    .setParameter("kind", CallerKind.STAFF).setParameter("id", staffId).executeUpdate();
        }
        return StaffView.of(staff);
    }

    private void requireUniqueName(String name, UUID except) {
        var clash = em.createQuery("select a.id from Agency a where lower(a.name) = lower(:n)", UUID.class)
                .setParameter("n", name.strip()).getResultList();
        if (clash.stream().anyMatch(id -> !id.equals(except))) {
            throw new InvalidInput("name", "There is already an agency with that name.");
        }
    }
}
