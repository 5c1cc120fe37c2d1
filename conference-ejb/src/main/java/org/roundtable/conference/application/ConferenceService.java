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
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.AgendaItemCommand;
import org.roundtable.conference.application.command.CloseCommand;
import org.roundtable.conference.application.command.ConferenceUpdateCommand;
import org.roundtable.conference.application.command.InviteeCommand;
import org.roundtable.conference.application.view.ConferenceSummary;
import org.roundtable.conference.application.view.ConferenceView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;

/** Scheduling conferences, inviting people and shaping the agenda. */
@ApplicationScoped
@Transactional
public class ConferenceService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private FamilyService families;

    @Inject
    private ConferenceRecordService records;

    @Inject
    private Clock clock;

    @Inject
    private Event<AccessChanged> accessChanged;

    /** "My conferences": those the caller is invited to, for families they can still see. */
    public Page<ConferenceSummary> mine(Caller caller, PageRequest page) {
        policy.requireSignedIn(caller);
        String personColumn = switch (caller.kind()) {
            case STAFF -> "i.staffMember.id";
            case FAMILY_MEMBER -> "i.familyMember.id";
            case ADVOCATE -> "i.advocate.id";
        };
        String where = " where exists (select i from Invitee i where i.conference = c and " + personColumn + " = :me)";
        var all = em.createQuery("select c from Conference c join fetch c.family join fetch c.chair" + where
                + " order by c.scheduledStart desc", Conference.class).setParameter("me", caller.id()).getResultList();
        // Visibility rests on current involvement, which is checked per family (few per caller).
        var visible = all.stream().filter(c -> policy.canSeeFamily(caller, c.family().id())).toList();
        int from = Math.min(page.offset(), visible.size());
        int to = Math.min(from + page.size(), visible.size());
        return new Page<>(visible.subList(from, to).stream().map(ConferenceSummary::of).toList(), page.page(),
                page.size(), visible.size());
    }

    public List<ConferenceSummary> ofFamily(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        return em.createQuery("""
                select c from Conference c join fetch c.family join fetch c.chair
                where c.family.id = :f order by c.scheduledStart desc""", Conference.class)
                .setParameter("f", familyId).getResultStream().map(ConferenceSummary::of).toList();
    }

    public ConferenceView get(Caller caller, UUID conferenceId) {
        var conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        // A family member or advocate reading their meeting's page has signed in to it (a status tag for the chair).
        if (!caller.isStaff()) {
            conference.invitees().stream().filter(i -> i.is(caller.kind(), caller.id())).findFirst()
                    .ifPresent(i -> i.markSignedIn(clock.instant()));
        }
        return ConferenceView.of(conference, caller);
    }

    public ConferenceView update(Caller caller, UUID conferenceId, ConferenceUpdateCommand command) {
        var conference = chairedConference(caller, conferenceId);
        if (command.status() == ConferenceStatus.CANCELLED) {
            throw new InvalidInput("status", "Cancel the conference with 'Cancel this conference' and say why: everyone invited is told.");
        }
        if (!command.scheduledStart().equals(conference.scheduledStart()) && conference.invitees().stream().anyMatch(Invitee::wasInvited)) {
            throw new org.roundtable.conference.domain.model.DomainRuleViolation(
                    "People have been invited already: move the meeting with 'Change the date, time or place', so they are all told.");
        }
        if (command.status() == ConferenceStatus.CLOSED) {
            // Closing always writes the record, and needs attendance and decisions: POST .../close takes them.
            records.freeze(caller, conference, CloseCommand.nothingRecorded());
            return ConferenceView.of(conference);
        }
        if (command.status() != conference.status()) {
            conference.moveTo(command.status());
        } else {
            conference.requireNotClosed();
        }
        if (conference.status() != ConferenceStatus.CLOSED) {
            Instant before = conference.scheduledStart();
            conference.reschedule(command.kind(), command.scheduledStart(), conference.chair());
            if (!before.equals(conference.scheduledStart())) {
                conference.noteStartSetAt(clock.instant());
            }
        }
        accessChanged.fire(new AccessChanged("conference changed"));
        return ConferenceView.of(conference);
    }

    public ConferenceView invite(Caller caller, UUID conferenceId, InviteeCommand command) {
        var conference = chairedConference(caller, conferenceId);
        UUID familyId = conference.family().id();
        Invitee invitee;
        if (command.staffMemberId() != null) {
            var staff = lookup.require(StaffMember.class, command.staffMemberId(), "member of staff");
            boolean involved = families.involvements(familyId).stream()
                    .anyMatch(i -> i.agency().id().equals(staff.agency().id()) && i.isActiveOn(LocalDate.now(clock)));
            if (!involved) {
                throw new InvalidInput("staffMemberId", "Only staff of agencies working with this family can be invited.");
            }
            invitee = Invitee.staff(conference, staff, command.role());
        } else if (command.familyMemberId() != null) {
            requireRole(command, InviteeRole.FAMILY_MEMBER);
            invitee = Invitee.familyMember(conference, families.requireMemberOf(familyId, command.familyMemberId()));
        } else {
            requireRole(command, InviteeRole.ADVOCATE);
            var advocate = lookup.require(Advocate.class, command.advocateId(), "advocate");
            boolean assigned = families.advocates(familyId).stream()
                    .anyMatch(a -> a.advocate().id().equals(advocate.id()) && a.isActiveOn(LocalDate.now(clock)));
            if (!assigned) {
                throw new InvalidInput("advocateId", "Only an advocate assigned to this family can be invited.");
            }
            invitee = Invitee.advocate(conference, advocate);
        }
        conference.invite(invitee);
        return ConferenceView.of(conference);
    }

    public ConferenceView uninvite(Caller caller, UUID conferenceId, UUID inviteeId) {
        var conference = chairedConference(caller, conferenceId);
        var invitee = conference.invitee(inviteeId).orElseThrow(() -> new ResourceNotFound("invitee"));
        requireNoPartInTheRecord(invitee);
        // Their invitation link stops working: it would still show when and where the meeting is.
        em.createQuery("delete from Invitation i where i.invitee.id = :id").setParameter("id", inviteeId).executeUpdate();
        conference.uninvite(inviteeId);
        accessChanged.fire(new AccessChanged("invitee removed"));
        return ConferenceView.of(conference);
    }

    /** Views someone sent, or a private part they were kept out of, belong to the meeting's record: they stay on its list. */
    private void requireNoPartInTheRecord(Invitee invitee) {
        long views = em.createQuery("select count(v) from ViewsBeforeMeeting v where v.invitee.id = :id", Long.class)
                .setParameter("id", invitee.id()).getSingleResult();
        long keptOut = em.createQuery("select count(p) from PrivatePart p join p.excludedInvitees x where x = :id", Long.class)
                .setParameter("id", invitee.id()).getSingleResult();
        if (views > 0 || keptOut > 0) {
            throw new org.roundtable.conference.domain.model.DomainRuleViolation(invitee.displayName()
                    + (views > 0 ? " has sent views before this meeting" : " was kept out of part of this meeting")
                    + ", which stay in its record, so they stay on the list. Record their attendance when you close the conference.");
        }
    }

    public ConferenceView addAgendaItem(Caller caller, UUID conferenceId, AgendaItemCommand command) {
        var conference = chairedConference(caller, conferenceId);
        conference.addAgendaItem(command.title().strip(), FamilyService.blankToNull(command.notes()));
        return ConferenceView.of(conference);
    }

    public ConferenceView editAgendaItem(Caller caller, UUID conferenceId, UUID itemId, AgendaItemCommand command) {
        var conference = chairedConference(caller, conferenceId);
        conference.agendaItem(itemId).orElseThrow(() -> new ResourceNotFound("agenda item"))
                .edit(command.title().strip(), FamilyService.blankToNull(command.notes()));
        return ConferenceView.of(conference);
    }

    public ConferenceView removeAgendaItem(Caller caller, UUID conferenceId, UUID itemId) {
        var conference = chairedConference(caller, conferenceId);
        if (conference.agendaItem(itemId).isEmpty()) {
            throw new ResourceNotFound("agenda item");
        }
        conference.removeAgendaItem(itemId);
        return ConferenceView.of(conference);
    }

    Conference chairedConference(Caller caller, UUID conferenceId) {
        var conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireChairOf(caller, conference);
        return conference;
    }

    private static void requireRole(InviteeCommand command, InviteeRole expected) {
        if (command.role() != expected) {
            throw new InvalidInput("role", "This person can only be invited as " + expected.name().toLowerCase().replace('_', ' ') + ".");
        }
    }
}
