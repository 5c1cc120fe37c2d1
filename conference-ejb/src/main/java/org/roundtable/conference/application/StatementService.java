package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.command.StatementCommand;
import org.roundtable.conference.application.view.StatementView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.commitment.ConferenceStatement;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.shared.domain.Stance;
import org.roundtable.shared.record.InformationKind;

/**
 * The family's voice on the plan, and professional dissent. The family (or its advocate beside
 * it) agrees, or disagrees in its own words; staff may record dissent, with their reasons.
 * Everything recorded stays, in order; it goes into the record and the minutes.
 */
@ApplicationScoped
@Transactional
public class StatementService {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Lookup lookup;

    @Inject
    private AccessPolicy policy;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public List<StatementView> list(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        policy.requireShared(caller, conference.family().id(), InformationKind.CONFERENCE_RECORDS);
        return statementsOf(conferenceId).stream().map(StatementView::of).toList();
    }

    public StatementView record(Caller caller, UUID conferenceId, StatementCommand command) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        conference.requireNotClosed();
        String words = FamilyService.blankToNull(command.words());
        if (caller.isStaff() && command.stance() != Stance.PROFESSIONAL_DISSENT) {
            throw new AccessDenied("Agreeing or disagreeing is the family's to record. As a professional, you can record dissent.");
        }
        if (!caller.isStaff() && command.stance() == Stance.PROFESSIONAL_DISSENT) {
            throw new AccessDenied("Dissent is recorded by professionals. Say whether you agree or disagree with the plan.");
        }
        if (command.stance() != Stance.AGREES && words == null) {
            throw new InvalidInput("words", "Say why, in your own words.");
        }
        String agency = caller.isStaff() ? lookup.require(StaffMember.class, caller.id(), "member of staff").agency().name() : null;
        var statement = new ConferenceStatement(conferenceId, command.stance(), words, caller, agency, clock.instant());
        em.persist(statement);
        audit.record(caller, new AuditLog.Event("STATEMENT_RECORDED", conference.family().id(), statement.id(),
                JSON.createObjectBuilder().add("conferenceId", conferenceId.toString()).add("stance", command.stance().name())
                        .add("words", words == null ? "" : words).build().toString()), statement.recordedAt());
        return StatementView.of(statement);
    }

    List<ConferenceStatement> statementsOf(UUID conferenceId) {
        return em.createQuery("select s from ConferenceStatement s where s.conferenceId = :c order by s.recordedAt",
                ConferenceStatement.class).setParameter("c", conferenceId).getResultList();
    }
}
