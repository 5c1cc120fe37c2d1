package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ConferenceAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.view.CommentView;
import org.roundtable.conference.application.view.ParticipantView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.room.PlanComment;
import org.roundtable.conference.domain.model.room.PrivatePart;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.record.InformationKind;

/**
 * The record-keeping side of a live conference: who may be in the room, comments, private
 * parts and the agenda. Every call checks against current data, so the room can ask again at
 * any moment whether someone may still be there.
 */
@ApplicationScoped
@Transactional
public class LiveRoomService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private Clock clock;

    /** The caller as a participant of this conference, or why they may not be in the room. */
    public ParticipantView join(Caller caller, UUID conferenceId) {
        Invitee invitee = invitee(caller, conferenceId);
        invitee.markJoined(clock.instant());
        return new ParticipantView(invitee.id(), conferenceId, invitee.conference().family().id(), invitee.displayName(), invitee.role());
    }

    /** Whether the caller may be in this conference's room now (as {@link #join}, without marking them joined). */
    public void requireParticipant(Caller caller, UUID conferenceId) {
        invitee(caller, conferenceId);
    }

    private Invitee invitee(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        if (conference.status() == ConferenceStatus.CLOSED) {
            throw new DomainRuleViolation("This conference has closed.");
        }
        conference.requireNotCancelled();
        // An agency the family does not share the plan with still comes in, for the actions it owns (seesOnlyOwnActions).
        return ConferenceAccess.inviteeInTheRoom(caller, conference);
    }

    /**
     * Whether the family keeps the plan from the caller's agency, so that in the room they are
     * shown, and may change, only their agency's own actions (as on the plan's page).
     */
    public boolean seesOnlyOwnActions(Caller caller, UUID familyId) {
        return !policy.isShared(caller, familyId, InformationKind.PLAN);
    }

    /**
     * The chair starts a private part, excluding some invitees, for a reason that is recorded for
     * the professionals; familyText (null: the default wording) is what the family is told.
     */
    public PrivatePart startPrivatePart(Caller caller, UUID conferenceId, Set<UUID> excluded, String reason, String familyText) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireChairOf(caller, conference);
        conference.requireNotClosed();
        if (running(conferenceId).isPresent()) {
            throw new DomainRuleViolation("A private part is already running; end it first.");
        }
        var known = new HashSet<UUID>();
        conference.invitees().forEach(i -> known.add(i.id()));
        for (UUID id : excluded) {
            if (!known.contains(id)) {
                throw new InvalidInput("excluded", "Only people invited to this conference can be excluded.");
            }
            if (conference.invitee(id).orElseThrow().isStaffMember(caller.id())) {
                throw new InvalidInput("excluded", "The chair cannot exclude themselves.");
            }
        }
        var part = new PrivatePart(conferenceId, caller.id(), excluded, reason, familyText, clock.instant());
        em.persist(part);
        return part;
    }

    public PrivatePart endPrivatePart(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireChairOf(caller, conference);
        PrivatePart part = running(conferenceId).orElseThrow(() -> new DomainRuleViolation("No private part is running."));
        part.end(clock.instant());
        return part;
    }

    /**
     * The running private part ends with no chair left to end it: the chair's node left the
     * cluster (crashed, or cut off) and no chair came back within the grace period. The server
     * ends it, as it does when a chair's browser closes, so the family is not kept out of its plan.
     */
    public void endPrivatePartWithoutAChair(UUID conferenceId) {
        running(conferenceId).ifPresent(part -> part.end(clock.instant()));
    }

    /**
     * The running private part as those inside it see it: why, and who is out. The reason is the
     * professionals'; a family member or advocate who stays in reads what the family is told.
     */
    public record PrivatePartView(UUID id, String reason, String familyText, Set<UUID> excluded, List<String> excludedNames) {

        /** As a family member or advocate inside it sees it: the family's wording in place of the reason. */
        public PrivatePartView asTheFamilySeesIt() {
            return new PrivatePartView(id, familyText, familyText, excluded, excludedNames);
        }
    }

    public Optional<PrivatePartView> runningView(UUID conferenceId) {
        return running(conferenceId).map(part -> {
            Conference conference = lookup.require(Conference.class, conferenceId, "conference");
            List<String> names = conference.invitees().stream().filter(i -> part.excludes(i.id())).map(Invitee::displayName).sorted().toList();
            return new PrivatePartView(part.id(), part.reason(), part.familyText(), part.excludedInvitees(), names);
        });
    }

    public Optional<PrivatePart> running(UUID conferenceId) {
        return em.createQuery("select p from PrivatePart p where p.conferenceId = :c and p.endedAt is null", PrivatePart.class)
                .setParameter("c", conferenceId).getResultStream().findFirst();
    }

    /** Private parts of a conference, for its record: that they happened is known to everyone. */
    public List<PrivatePart> privateParts(UUID conferenceId) {
        return em.createQuery("select p from PrivatePart p where p.conferenceId = :c order by p.startedAt", PrivatePart.class)
                .setParameter("c", conferenceId).getResultList();
    }

    public CommentView comment(Caller caller, ParticipantView participant, UUID nodeId, String body, UUID privatePartId) {
        policy.requireFamilyVisible(caller, participant.familyId());
        var comment = new PlanComment(participant.familyId(), participant.conferenceId(), nodeId, caller.kind(), caller.id(),
                participant.name(), body, privatePartId, clock.instant());
        em.persist(comment);
        return CommentView.of(comment);
    }

    /** Recent comments on the family's plan that this invitee may read (not those of private parts they were kept out of). */
    public List<CommentView> commentsFor(ParticipantView participant) {
        List<PlanComment> all = em.createQuery("select c from PlanComment c where c.familyId = :f order by c.createdAt desc",
                PlanComment.class).setParameter("f", participant.familyId()).setMaxResults(200).getResultList();
        var visible = new ArrayList<CommentView>();
        for (int i = all.size() - 1; i >= 0; i--) {
            PlanComment c = all.get(i);
            if (c.privatePartId() == null || !em.find(PrivatePart.class, c.privatePartId()).excludes(participant.inviteeId())) {
                visible.add(CommentView.of(c));
            }
        }
        return visible;
    }

    public void requireAgendaItem(UUID conferenceId, UUID itemId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        conference.agendaItem(itemId).orElseThrow(() -> new ResourceNotFound("agenda item"));
    }

    public void requireInvitee(UUID conferenceId, UUID inviteeId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        conference.invitee(inviteeId).orElseThrow(() -> new ResourceNotFound("participant"));
    }
}
