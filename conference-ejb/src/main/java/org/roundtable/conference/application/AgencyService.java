package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.command.AgencyCommand;
import org.roundtable.conference.application.command.NewStaffCommand;
import org.roundtable.conference.application.command.StaffUpdateCommand;
import org.roundtable.conference.application.view.AgencyView;
import org.roundtable.conference.application.view.PractitionerView;
import org.roundtable.conference.application.view.StaffView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.conference.infrastructure.security.Secrets;
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
    private SignInService signIn;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Inject
    private PasswordSetupService passwordSetup;

    @Inject
    private MailOutbox mail;

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
        agency.changeContact(Text.blankToNull(command.contactPhone()), Text.blankToNull(command.contactEmail()));
        em.persist(agency);
        return AgencyView.of(agency);
    }

    public AgencyView update(Caller caller, UUID agencyId, AgencyCommand command) {
        policy.requireAdministrator(caller);
        var agency = lookup.require(Agency.class, agencyId, "agency");
        requireUniqueName(command.name(), agencyId);
        agency.rename(command.name().strip(), command.kind());
        agency.changeContact(Text.blankToNull(command.contactPhone()), Text.blankToNull(command.contactEmail()));
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

    /**
     * Adds a member of staff. Without a password (the usual way) nobody knows one yet: they are
     * emailed a link to set their own, and until then no password signs them in.
     */
    public StaffView addStaff(Caller caller, UUID agencyId, NewStaffCommand command) {
        policy.requireAdministrator(caller);
        var agency = lookup.require(Agency.class, agencyId, "agency");
        String email = command.email().strip();
        String username = Text.blankToNull(command.username()) == null ? freeUsernameFor(email) : command.username();
        if (usernameTaken(username)) {
            throw new InvalidInput("username", "That username is already taken; choose another.");
        }
        String password = Text.blankToNull(command.password());
        var staff = new StaffMember(agency, command.fullName().strip(), email, username,
                passwords.hash(password == null ? Secrets.token() : password), command.roles());
        staff.changePhone(Text.blankToNull(command.phone()));
        em.persist(staff);
        if (password == null) {
            passwordSetup.emailLink(staff, false);
        }
        return StaffView.of(staff);
    }

    public StaffView getStaff(Caller caller, UUID staffId) {
        policy.requireAdministrator(caller);
        return StaffView.of(lookup.require(StaffMember.class, staffId, "member of staff"));
    }

    /**
     * For a forgotten password or a worry that someone else knows it: the old password stops
     * working, every session ends, any lock from failed attempts is lifted, and the person is
     * emailed a link to choose a new one.
     */
    public StaffView resetSignIn(Caller caller, UUID staffId) {
        policy.requireAdministrator(caller);
        var staff = lookup.require(StaffMember.class, staffId, "member of staff");
        if (!staff.isActive()) {
            throw new InvalidInput("active", staff.fullName() + "'s account is not active. Make it active first.");
        }
        staff.changePasswordHash(passwords.hash(Secrets.token()));
        signIn.liftLocks(staff.username());
        endSessionsOf(staffId);
        accessChanged.fire(new AccessChanged("staff sign-in reset"));
        passwordSetup.emailLink(staff, true);
        return StaffView.of(staff);
    }

    /** Active staff of an agency by name, for choosing a lead practitioner: what any member of staff may know. */
    public List<PractitionerView> practitioners(Caller caller, UUID agencyId) {
        policy.requireStaff(caller);
        lookup.require(Agency.class, agencyId, "agency");
        return em.createQuery("select s from StaffMember s where s.agency.id = :a and s.active = true order by s.fullName",
                StaffMember.class).setParameter("a", agencyId).getResultList().stream().map(PractitionerView::of).toList();
    }

    public StaffView updateStaff(Caller caller, UUID staffId, StaffUpdateCommand command) {
        policy.requireAdministrator(caller);
        var staff = lookup.require(StaffMember.class, staffId, "member of staff");
        if (staff.id().equals(caller.id()) && (!command.active() || !command.roles().contains(
                StaffRole.ADMINISTRATOR))) {
            throw new InvalidInput("roles", "You cannot remove your own administrator access or deactivate yourself.");
        }
        String oldEmail = staff.email();
        staff.update(command.fullName().strip(), command.email().strip(), command.roles(), command.active());
        if (!oldEmail.equalsIgnoreCase(staff.email())) {
            tellOfNewAddress(staff, oldEmail, caller);
        }
        staff.changePhone(Text.blankToNull(command.phone()));
        accessChanged.fire(new AccessChanged("staff member changed"));
        if (!command.active()) {
            // A deactivated account loses every session at once.
            endSessionsOf(staffId);
        }
        return StaffView.of(staff);
    }

    /**
     * A new address is where password links go from now on: the person is told at the old one,
     * so that nobody (an administrator included) can move an account to themselves unseen.
     */
    private void tellOfNewAddress(StaffMember staff, String oldEmail, Caller caller) {
        var admin = lookup.require(StaffMember.class, caller.id(), "member of staff");
        mail.queue(oldEmail, "Your Roundtable sign-in email was changed",
                "Hello " + staff.fullName() + ",\n\n" + admin.fullName() + " (administrator) changed the email address of your Roundtable account ("
                        + staff.username() + ") to " + staff.email() + ". Links to set your password now go there.\n\n"
                        + "If you did not ask for this, tell your manager or your organisation's information governance lead straight away.\n");
    }

    private void endSessionsOf(UUID staffId) {
        em.createQuery("delete from UserSession s where s.callerKind = :kind and s.callerId = :id")
                .setParameter("kind", CallerKind.STAFF).setParameter("id", staffId).executeUpdate();
    }

    private boolean usernameTaken(String username) {
        return em.createQuery("select count(s) from StaffMember s where s.username = :u", Long.class)
                .setParameter("u", username).getSingleResult() > 0;
    }

    /** "Sam.Okafor@council.example" -> "sam.okafor", or "sam.okafor2" when that is taken. */
    private String freeUsernameFor(String email) {
        String base = email.substring(0, Math.max(email.indexOf('@'), 0)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (base.length() < 3) {
            base = base + "staff";
        }
        base = base.length() > 90 ? base.substring(0, 90) : base;
        String candidate = base;
        for (int n = 2; usernameTaken(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private void requireUniqueName(String name, UUID except) {
        var clash = em.createQuery("select a.id from Agency a where lower(a.name) = lower(:n)", UUID.class)
                .setParameter("n", name.strip()).getResultList();
        if (clash.stream().anyMatch(id -> !id.equals(except))) {
            throw new InvalidInput("name", "There is already an agency with that name.");
        }
    }
}
