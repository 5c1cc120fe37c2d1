package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.command.CloseCommand;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.conference.application.view.ConferenceRecordView.ActionEntry;
import org.roundtable.conference.application.view.ConferenceRecordView.AttendeeEntry;
import org.roundtable.conference.application.view.ConferenceRecordView.CommentEntry;
import org.roundtable.conference.application.view.ConferenceRecordView.GoalEntry;
import org.roundtable.conference.application.view.ConferenceRecordView.PrivatePartEntry;
import org.roundtable.conference.application.view.ConferenceRecordView.StatementEntry;
import org.roundtable.conference.application.view.ConferenceRecordView.ViewsEntry;
import org.roundtable.conference.application.view.SignOffView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.ConferenceRecord;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.conference.ViewsBeforeMeeting;
import org.roundtable.conference.domain.model.room.PlanComment;
import org.roundtable.conference.domain.model.room.PrivatePart;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.conference.application.document.MinutesPdf;
import org.roundtable.shared.audit.ChainHash;
import org.roundtable.shared.domain.Attendance;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.record.InformationKind;

/**
 * A conference's record: drafted while it runs, frozen when the chair closes it. Closing keeps
 * who attended, apologies, decisions, the plan as it then stood with its sign-off, the family's
 * view, dissent and private parts; after that, the record cannot be edited, while the plan lives
 * on for follow-up.
 */
@ApplicationScoped
@Transactional
public class ConferenceRecordService {


    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PersonLanguages languages;

    @Inject
    private Lookup lookup;

    @Inject
    private AccessPolicy policy;

    @Inject
    private SignOffService signOff;

    @Inject
    private StatementService statements;

    @Inject
    private LivePlanService live;


    @Inject
    private LiveRoomService room;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Inject
    private Clock clock;

    @Inject
    private MinutesByEmail minutesByEmail;

    public ConferenceRecordView close(Caller caller, UUID conferenceId, CloseCommand command) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireChairOf(caller, conference);
        return freeze(caller, conference, command).forViewer(chairInvitee(conference));
    }

    /** Closes the conference and writes its record, once. */
    ConferenceRecordView freeze(Caller caller, Conference conference, CloseCommand command) {
        if (conference.status() == ConferenceStatus.CLOSED) {
            throw new DomainRuleViolation("This conference is already closed.");
        }
        if (conference.status() != ConferenceStatus.LIVE) {
            throw new DomainRuleViolation("Open the conference before closing it: only a conference that has taken place can be closed.");
        }
        Map<UUID, Attendance> attendance = attendanceOf(conference, command);
        List<String> decisions = command.decisionsOrEmpty().stream().map(String::strip).filter(d -> !d.isEmpty()).toList();
        if (decisions.isEmpty()) {
            throw new InvalidInput("decisions", "Write down what was decided: the record needs at least one decision.");
        }
        var now = clock.instant();
        ConferenceRecordView draft = draft(conference, attendance, decisions);
        var record = new ConferenceRecordView(draft.conferenceId(), draft.familyId(), draft.familyName(), draft.kind(),
                draft.scheduledStart(), draft.chairName(), true, now, caller.displayName(), draft.planRevision(), draft.attendance(),
                draft.decisions(), draft.plan(), draft.statements(), draft.privateParts(), draft.viewsBeforeMeeting());
        conference.moveTo(ConferenceStatus.CLOSED);
        String json = JSONB.toJson(record);
        em.persist(new ConferenceRecord(conference.id(), now, caller.displayName(), record.planRevision(), json));
        audit.record(caller, new AuditLog.Event("CONFERENCE_CLOSED", conference.family().id(), conference.id(),
                JSON.createObjectBuilder().add("planRevision", record.planRevision()).add("recordHash", ChainHash.of(json))
                        .build().toString()), now);
        accessChanged.fire(new AccessChanged("conference closed"));
        minutesByEmail.tellEveryone(conference);
        return record;
    }

    /**
     * Who came, for every invitee but the chair: a statutory record is never closed with
     * someone's attendance left blank. Every missing person is named, and nothing is saved.
     */
    private static Map<UUID, Attendance> attendanceOf(Conference conference, CloseCommand command) {
        Map<UUID, Attendance> attendance = new HashMap<>();
        for (CloseCommand.Entry entry : command.attendanceOrEmpty()) {
            if (conference.invitee(entry.inviteeId()).isEmpty()) {
                throw new InvalidInput("attendance", "Someone in the attendance list is not invited to this conference.");
            }
            if (entry.attendance() != Attendance.NOT_RECORDED) {
                attendance.put(entry.inviteeId(), entry.attendance());
            }
        }
        var missing = new ArrayList<InvalidInput.FieldError>();
        for (Invitee invitee : conference.invitees()) {
            if (invitee.role() != InviteeRole.CHAIR && !attendance.containsKey(invitee.id())) {
                missing.add(new InvalidInput.FieldError("attendance-" + invitee.id(), "Say whether " + invitee.displayName() + " came"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        return attendance;
    }

    /** The record as this caller may read it: frozen once closed, a draft before. */
    public ConferenceRecordView record(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        policy.requireShared(caller, conference.family().id(), InformationKind.CONFERENCE_RECORDS);
        // The record holds the plan: it is read under the plan's rule too.
        policy.requirePlanReadable(caller, conference.family().id());
        ConferenceRecordView record;
        if (conference.status() == ConferenceStatus.CLOSED) {
            record = JSONB.fromJson(em.find(ConferenceRecord.class, conferenceId).json(), ConferenceRecordView.class);
        } else {
            record = draft(conference, Map.of(), List.of());
        }
        UUID viewer = conference.invitees().stream().filter(i -> i.is(caller.kind(), caller.id())).map(Invitee::id)
                .findFirst().orElse(null);
        return record.forViewer(viewer, !caller.isStaff());
    }

    /** The minutes as a PDF, from the record as this caller may read it. */
    public byte[] minutes(Caller caller, UUID conferenceId) {
        return MinutesPdf.render(record(caller, conferenceId), languages.of(caller.kind(), caller.id()));
    }

    private ConferenceRecordView draft(Conference conference, Map<UUID, Attendance> attendance, List<String> decisions) {
        var attendees = conference.invitees().stream()
                .map(i -> new AttendeeEntry(i.id(), i.displayName(), i.role(), organisation(i),
                        attendance.getOrDefault(i.id(), i.role() == InviteeRole.CHAIR ? Attendance.ATTENDED : Attendance.NOT_RECORDED)))
                .toList();
        // As stored: the record must not miss a change acknowledged a moment ago on the plan's owner node.
        var snapshot = live.withPlanAsStored(conference.family().id(),
                plan -> new LivePlanService.Snapshot(plan.document().copy(), plan.revision()));
        // The sign-off already names owners and reads dates and states, from this same copy of the plan.
        Map<String, SignOffView.ActionSignOff> signOffs = new HashMap<>();
        signOff.ofPlan(conference, snapshot).actions().forEach(a -> signOffs.put(a.actionId().toString(), a));
        var goals = new ArrayList<GoalEntry>();
        PlanDocument doc = snapshot.document();
        for (PlanNode goal : doc.goals()) {
            var actions = new ArrayList<ActionEntry>();
            for (PlanNode node : doc.actionsOf(goal.id())) {
                var a = signOffs.get(node.id());
                actions.add(new ActionEntry(a.actionId(), a.description(), a.ownerName(), a.dueOn(), a.status(), a.state(),
                        a.signedBy(), a.signedAt()));
            }
            String description = goal.get(PlanField.DESCRIPTION);
            goals.add(new GoalEntry(goal.get(PlanField.TITLE), description == null || description.isEmpty() ? null : description, actions));
        }
        var said = statements.statementsOf(conference.id()).stream().filter(s -> !s.isWithdrawn())
                .map(s -> new StatementEntry(s.stance(), s.words(), s.speakerName(), s.agencyName(), s.recordedAt(), s.writtenBy(),
                        s.forMemberId() == null ? null : s.authorName())).toList();
        var parts = new ArrayList<PrivatePartEntry>();
        for (PrivatePart part : room.privateParts(conference.id())) {
            var excluded = conference.invitees().stream().filter(i -> part.excludes(i.id())).toList();
            var comments = em.createQuery("select c from PlanComment c where c.privatePartId = :p order by c.createdAt", PlanComment.class)
                    .setParameter("p", part.id()).getResultStream()
                    .map(c -> new CommentEntry(c.authorName(), c.body(), c.createdAt())).toList();
            parts.add(new PrivatePartEntry(part.id(), part.reason(), part.familyText(), part.startedAt(), part.endedAt(),
                    excluded.stream().map(Invitee::id).toList(), excluded.stream().map(Invitee::displayName).toList(), false, comments));
        }
        return new ConferenceRecordView(conference.id(), conference.family().id(), conference.family().name(), conference.kind(),
                conference.scheduledStart(), conference.chair().fullName(), false, null, null, snapshot.revision(), attendees,
                decisions, goals, said, parts, viewsBeforeMeeting(conference));
    }

    private List<ViewsEntry> viewsBeforeMeeting(Conference conference) {
        return em.createQuery("select v from ViewsBeforeMeeting v where v.invitee.conference = :c order by v.sentAt",
                ViewsBeforeMeeting.class).setParameter("c", conference).getResultStream()
                .map(v -> new ViewsEntry(v.invitee().displayName(), v.words(), v.fileName(), v.sentAt())).toList();
    }

    private static String organisation(Invitee invitee) {
        return switch (invitee.personKind()) {
            case STAFF -> invitee.staffMember().agency().name();
            case FAMILY_MEMBER -> "Family";
            case ADVOCATE -> "Advocate";
        };
    }

    private static UUID chairInvitee(Conference conference) {
        return conference.invitees().stream().filter(i -> i.role() == InviteeRole.CHAIR).map(Invitee::id).findFirst().orElse(null);
    }
}
