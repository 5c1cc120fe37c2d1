package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.InvalidInput.FieldError;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.ArrangementsCommand;
import org.roundtable.conference.application.command.CancelCommand;
import org.roundtable.conference.application.command.ConferenceCommand;
import org.roundtable.conference.application.command.InviteeCommand;
import org.roundtable.conference.application.view.ConferenceView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.mail.MailSender;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.InviteeRole;

/**
 * The chair's scheduling, as the question pages do it: a conference with its kind, time, place,
 * invitees and agenda is checked as a whole and saved as a whole (or not at all); it is
 * rescheduled or cancelled with everyone already invited told by email; invitations go out.
 */
@ApplicationScoped
@Transactional
public class SchedulingService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PersonLanguages languages;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private FamilyService families;

    @Inject
    private ConferenceService conferences;

    @Inject
    private InvitationService invitations;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    public ConferenceView schedule(Caller caller, ConferenceCommand command) {
        policy.requireMayScheduleConference(caller, command.familyId());
        var family = lookup.require(Family.class, command.familyId(), "family");
        var chair = lookup.require(StaffMember.class, caller.id(), "member of staff");
        var errors = new ArrayList<FieldError>();
        requireFuture(command.scheduledStart(), errors);
        requireWebAddress(command.joinLink(), errors);
        var conference = new Conference(family, command.kind(), command.scheduledStart(), chair);
        conference.noteStartSetAt(clock.instant());
        conference.arrange(command.venue(), command.joinLink(), command.dialIn());
        var invitees = command.inviteesOrEmpty();
        for (int n = 0; n < invitees.size(); n++) {
            inviteOrExplain(conference, invitees.get(n), n, errors);
        }
        var agenda = command.agendaOrEmpty();
        for (int n = 0; n < agenda.size(); n++) {
            if (agenda.get(n) == null || agenda.get(n).isBlank()) {
                errors.add(new FieldError("agenda-" + n, "Agenda item " + (n + 1) + " is empty. Write it, or remove it"));
            } else {
                conference.addAgendaItem(agenda.get(n).strip(), null);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        em.persist(conference);
        return ConferenceView.of(conference);
    }

    /** A new date, time or place: everyone already invited gets the new details and calendar entry. */
    public ConferenceView rearrange(Caller caller, UUID conferenceId, ArrangementsCommand command) {
        Conference conference = conferences.chairedConference(caller, conferenceId);
        conference.requireNotClosed();
        conference.requireNotCancelled();
        var errors = new ArrayList<FieldError>();
        requireFuture(command.scheduledStart(), errors);
        requireWebAddress(command.joinLink(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant before = conference.scheduledStart();
        conference.reschedule(command.kind(), command.scheduledStart(), conference.chair());
        conference.arrange(command.venue(), command.joinLink(), command.dialIn());
        boolean moved = !before.equals(conference.scheduledStart());
        if (moved) {
            conference.noteStartSetAt(clock.instant());
        }
        em.flush();
        tellEveryoneInvited(conference, (words, language) -> new Letter(
                words.fill("changed.subject", Texts.values("family", conference.family().name(), "when", MeetingLetter.when(conference, language))),
                words.fill("changed.body", Texts.values("change", words.get(moved ? "changed.moved" : "changed.details"),
                        "details", MeetingLetter.details(conference, language)))));
        accessChanged.fire(new AccessChanged("conference rescheduled"));
        return ConferenceView.of(conference);
    }

    public ConferenceView cancel(Caller caller, UUID conferenceId, CancelCommand command) {
        Conference conference = conferences.chairedConference(caller, conferenceId);
        conference.cancel(command.reason().strip());
        em.flush();
        tellEveryoneInvited(conference, (words, language) -> new Letter(
                words.fill("cancelled.subject", Texts.values("family", conference.family().name(), "when", MeetingLetter.when(conference, language))),
                words.fill("cancelled.body", Texts.values("when", MeetingLetter.when(conference, language), "reason", conference.cancelReason(),
                        "contact", MeetingLetter.contact(conference)))));
        accessChanged.fire(new AccessChanged("conference cancelled"));
        return ConferenceView.of(conference);
    }

    /**
     * Invitations to everyone not yet invited: family members and advocates get their
     * single-use link; staff a notice with the meeting's page (they sign in with a password).
     */
    public ConferenceView sendInvitations(Caller caller, UUID conferenceId) {
        Conference conference = conferences.chairedConference(caller, conferenceId);
        conference.requireNotClosed();
        conference.requireNotCancelled();
        var waiting = conference.invitees().stream().filter(i -> i.role() != InviteeRole.CHAIR && !i.wasInvited()).toList();
        var noLonger = waiting.stream().filter(i -> !policy.mayBeToldAbout(i))
                .map(i -> new FieldError("invitees", i.displayName() + " no longer works with this family. Take them off the list first")).toList();
        if (!noLonger.isEmpty()) {
            throw new InvalidInput(noLonger);
        }
        var noEmail = waiting.stream().filter(i -> i.email() == null || i.email().isBlank())
                .map(i -> new FieldError("invitees", i.displayName() + " has no email address. Add one to their details first")).toList();
        if (!noEmail.isEmpty()) {
            throw new InvalidInput(noEmail);
        }
        if (waiting.isEmpty()) {
            throw new DomainRuleViolation("Everyone on the list has been invited already.");
        }
        for (Invitee invitee : waiting) {
            if (invitee.role().joinsByInvitation()) {
                invitations.sendInvitation(caller, conferenceId, invitee.id());
            } else {
                var now = clock.instant();
                invitee.markInvited(now);
                mail.queue(invitee.email(), "Invitation: " + MeetingLetter.title(conference.kind()) + " on " + MeetingLetter.when(conference),
                        "Hello " + invitee.displayName() + ",\n\n" + conference.chair().fullName() + " has invited you.\n\n"
                                + MeetingLetter.details(conference) + "\nThe meeting's page, with the agenda and reports: "
                                + PublicAddress.base() + "/conferences/" + conference.id() + "\n",
                        List.of(MeetingLetter.calendarAttachment(conference, now, Language.ENGLISH)));
            }
        }
        return ConferenceView.of(conference);
    }

    /** A member of staff the chair may invite: of an agency working with the family today. */
    public record Candidate(UUID id, String fullName, UUID agencyId, String agencyName, boolean lead) {
    }

    /**
     * Whom the chair can invite from the agencies working with the family (or from one agency,
     * which must be working with it: otherwise the answer says so, beside the agency chosen).
     */
    public List<Candidate> invitableStaff(Caller caller, UUID familyId, UUID agencyId) {
        policy.requireMayScheduleConference(caller, familyId);
        LocalDate today = LocalDate.now(clock);
        var involved = families.involvements(familyId).stream().filter(i -> i.isActiveOn(today)).toList();
        if (agencyId != null && involved.stream().noneMatch(i -> i.agency().id().equals(agencyId))) {
            var agency = lookup.require(org.roundtable.conference.domain.model.agency.Agency.class, agencyId, "agency");
            throw new InvalidInput("agencyId", agency.name() + " is not working with this family. Only staff of agencies working with the family can be invited");
        }
        var candidates = new ArrayList<Candidate>();
        for (var involvement : involved) {
            if (agencyId != null && !involvement.agency().id().equals(agencyId)) {
                continue;
            }
            em.createQuery("select s from StaffMember s where s.agency = :a order by s.fullName", StaffMember.class)
                    .setParameter("a", involvement.agency()).getResultStream().filter(StaffMember::isActive)
                    .map(s -> new Candidate(s.id(), s.fullName(), involvement.agency().id(), involvement.agency().name(),
                            s.id().equals(involvement.leadPractitioner().id())))
                    .forEach(candidates::add);
        }
        return candidates;
    }

    /** The meeting as a calendar file (RFC 5545), for anyone who can see the conference, in their language. */
    public String calendar(Caller caller, UUID conferenceId) {
        var conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        return MeetingLetter.calendarEvent(conference, clock.instant(), languages.of(caller.kind(), caller.id())).toIcs();
    }

    /** An email's subject and body (after the greeting), written in one language. */
    private record Letter(String subject, String body) {
    }

    /** Everyone invited is told, each in their own language (staff in English). */
    private void tellEveryoneInvited(Conference conference, java.util.function.BiFunction<MailTexts, Language, Letter> write) {
        var now = clock.instant();
        for (Invitee invitee : conference.invitees()) {
            if (invitee.role() != InviteeRole.CHAIR && invitee.wasInvited() && invitee.email() != null && policy.mayBeToldAbout(invitee)) {
                Language language = invitee.role().joinsByInvitation() ? languages.of(invitee.personKind(), invitee.personId()) : Language.ENGLISH;
                var words = MailTexts.in(language);
                var letter = write.apply(words, language);
                mail.queue(invitee.email(), letter.subject(), words.fill("hello", Texts.values("name", invitee.displayName())) + letter.body(),
                        List.of(MeetingLetter.calendarAttachment(conference, now, language)));
            }
        }
    }

    private void requireFuture(Instant start, List<FieldError> errors) {
        if (!start.isAfter(clock.instant())) {
            errors.add(new FieldError("scheduledStart", "The date and time must be in the future"));
        }
    }

    /**
     * The meeting link becomes a link on the family's pages and goes into everyone's calendar:
     * only a web address (http or https, with a host) is a link; "javascript:" or "data:" is not.
     */
    private static void requireWebAddress(String link, List<FieldError> errors) {
        if (link == null || link.isBlank()) {
            return;
        }
        boolean web;
        try {
            var uri = new java.net.URI(link.strip());
            web = uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            web = false;
        }
        if (!web) {
            errors.add(new FieldError("joinLink", "Enter the meeting link as a web address, like https://meet.example/abc"));
        }
    }

    /** Adds the invitee, or says beside the "who" question why this person cannot be invited. */
    private void inviteOrExplain(Conference conference, InviteeCommand command, int n, List<FieldError> errors) {
        UUID familyId = conference.family().id();
        LocalDate today = LocalDate.now(clock);
        String field = "invitees";
        try {
            Invitee invitee;
            if (command.staffMemberId() != null) {
                var staff = lookup.require(StaffMember.class, command.staffMemberId(), "member of staff");
                boolean involved = families.involvements(familyId).stream()
                        .anyMatch(i -> i.agency().id().equals(staff.agency().id()) && i.isActiveOn(today));
                if (!involved) {
                    errors.add(new FieldError(field, staff.fullName() + " works for " + staff.agency().name()
                            + ", which is not working with this family. Only staff of agencies working with the family can be invited"));
                    return;
                }
                invitee = Invitee.staff(conference, staff, command.role() == InviteeRole.OBSERVER ? InviteeRole.OBSERVER : InviteeRole.AGENCY_STAFF);
            } else if (command.familyMemberId() != null) {
                invitee = Invitee.familyMember(conference, families.requireMemberOf(familyId, command.familyMemberId()));
            } else {
                var advocate = lookup.require(Advocate.class, command.advocateId(), "advocate");
                boolean assigned = families.advocates(familyId).stream()
                        .anyMatch(a -> a.advocate().id().equals(advocate.id()) && a.isActiveOn(today));
                if (!assigned) {
                    errors.add(new FieldError(field, advocate.fullName() + " is not this family's advocate"));
                    return;
                }
                invitee = Invitee.advocate(conference, advocate);
            }
            if (conference.invitees().stream().anyMatch(i -> i.is(invitee.personKind(), invitee.personId()))) {
                errors.add(new FieldError(field, invitee.displayName() + " is invited twice. Invite each person once"));
                return;
            }
            conference.invite(invitee);
        } catch (ResourceNotFound | DomainRuleViolation e) {
            errors.add(new FieldError(field, "Invitee " + (n + 1) + " cannot be invited: " + e.getMessage()));
        }
    }
}
