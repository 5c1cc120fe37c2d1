package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.view.StaffContactView;
import org.roundtable.conference.application.view.StaffContactView.Role;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Involvement;
import org.roundtable.shared.domain.AgencyKind;

/**
 * Whom a family calls about its case: its lead worker and the chair of its conferences, with
 * their agency, phone and email. A person's own phone when they have one, else their agency's.
 */
@ApplicationScoped
@Transactional
public class StaffContactsService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private FamilyService families;

    @Inject
    private Clock clock;

    public List<StaffContactView> forFamily(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        List<StaffContactView> contacts = new ArrayList<>();
        leadWorkers(familyId).forEach(s -> contacts.add(view(Role.LEAD_WORKER, s)));
        chair(familyId).ifPresent(s -> contacts.add(view(Role.CHAIR, s)));
        return contacts;
    }

    /** Whom to call about this meeting: the family's lead worker and the meeting's own chair. */
    List<StaffContactView> forMeeting(Conference conference) {
        List<StaffContactView> contacts = new ArrayList<>();
        leadWorkers(conference.family().id()).stream().filter(s -> !s.id().equals(conference.chair().id()))
                .forEach(s -> contacts.add(view(Role.LEAD_WORKER, s)));
        contacts.add(view(Role.CHAIR, conference.chair()));
        return contacts;
    }

    /**
     * The lead practitioners of the agencies working with the family today; children's social
     * care leads the case when it is involved, so then its lead worker alone.
     */
    private List<StaffMember> leadWorkers(UUID familyId) {
        LocalDate today = LocalDate.now(clock);
        var active = families.involvements(familyId).stream().filter(i -> i.isActiveOn(today)).toList();
        var social = active.stream().filter(i -> i.agency().kind() == AgencyKind.CHILDRENS_SOCIAL_CARE).toList();
        return (social.isEmpty() ? active : social).stream().map(Involvement::leadPractitioner).distinct().toList();
    }

    /** The chair of the family's next conference, or of its latest when none is coming. */
    private Optional<StaffMember> chair(UUID familyId) {
        var conferences = em.createQuery("select c from Conference c join fetch c.chair where c.family.id = :f",
                Conference.class).setParameter("f", familyId).getResultList();
        var now = clock.instant();
        var next = conferences.stream().filter(c -> !c.scheduledStart().isBefore(now))
                .min(Comparator.comparing(Conference::scheduledStart));
        return next.or(() -> conferences.stream().max(Comparator.comparing(Conference::scheduledStart)))
                .map(Conference::chair);
    }

    private static StaffContactView view(Role role, StaffMember staff) {
        return new StaffContactView(role, staff.fullName(), staff.agency().name(), MeetingLetter.phoneOf(staff), staff.email());
    }
}
