package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.ContactCommand;
import org.roundtable.conference.application.view.ContactView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Contact;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;
import org.roundtable.shared.record.InformationKind;

/** Agencies' contacts with a family: visible to the family and to every agency working with it. */
@ApplicationScoped
@Transactional
public class ContactService {

    /**
     * No contact is older than this: a year typed as "0024" (or one no database holds) is a
     * mistake to say beside the field, not a contact to keep where the contact map never shows it.
     */
    static final int FIRST_YEAR = 1900;
    static final String TOO_EARLY = "The year must be " + FIRST_YEAR + " or later, like 2026";
    static final String NOT_YET = "A contact cannot be recorded before it happens";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    /** The service's clock, in its own time zone (roundtable.zone): "today" is the UK's today. */
    @Inject
    private Clock clock;

    public Page<ContactView> list(Caller caller, UUID familyId, PageRequest page) {
        policy.requireVisibleAndShared(caller, familyId, InformationKind.CONTACTS);
        return lookup.page(
                em.createQuery("""
                        select c from Contact c join fetch c.agency join fetch c.recordedBy
                        where c.family.id = :f order by c.happenedOn desc, c.id""", Contact.class)
                        .setParameter("f", familyId),
                em.createQuery("select count(c) from Contact c where c.family.id = :f", Long.class)
                        .setParameter("f", familyId),
                page, ContactView::of);
    }

    public ContactView record(Caller caller, UUID familyId, ContactCommand command) {
        policy.requireCaseWorker(caller, familyId);
        requirePlausibleDate(command);
        var contact = new Contact(lookup.require(Family.class, familyId, "family"),
                lookup.require(StaffMember.class, caller.id(), "member of staff"),
                command.happenedOn(), command.kind(), command.summary().strip());
        em.persist(contact);
        return ContactView.of(contact);
    }

    public ContactView correct(Caller caller, UUID familyId, UUID contactId, ContactCommand command) {
        var contact = lookup.require(Contact.class, contactId, "contact");
        if (!contact.family().id().equals(familyId)) {
            throw new ResourceNotFound("contact");
        }
        policy.requireMayCorrectContact(caller, contact);
        requirePlausibleDate(command);
        contact.correct(command.happenedOn(), command.kind(), command.summary().strip());
        return ContactView.of(contact);
    }

    private void requirePlausibleDate(ContactCommand command) {
        if (command.happenedOn().getYear() < FIRST_YEAR) {
            throw new InvalidInput("happenedOn", TOO_EARLY);
        }
        if (command.happenedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("happenedOn", NOT_YET);
        }
    }
}
