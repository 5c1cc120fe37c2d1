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
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ConferenceAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.StatementCommand;
import org.roundtable.conference.application.view.StatementView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.commitment.ConferenceStatement;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.shared.domain.CallerKind;
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
        ConferenceAccess.requireMayTakeStance(caller, command.stance());
        if (command.stance() != Stance.AGREES && words == null) {
            throw new InvalidInput("words", "Say why, in your own words.");
        }
        String agency = caller.isStaff() ? lookup.require(StaffMember.class, caller.id(), "member of staff").agency().name() : null;
        var statement = new ConferenceStatement(conferenceId, command.stance(), words, caller, agency, clock.instant());
        if (command.forMemberId() != null) {
            FamilyMember member = requireSpeaksFor(caller, conference, command.forMemberId());
            // A family member's own views are theirs: only an advocate's are marked as written for someone.
            if (caller.kind() == CallerKind.ADVOCATE) {
                statement.writtenFor(member.id(), member.fullName());
            }
        }
        if (command.replaces() != null) {
            withdraw(caller, requireStatementOf(conferenceId, command.replaces(), "replaces"));
        }
        em.persist(statement);
        audit.record(caller, new AuditLog.Event("STATEMENT_RECORDED", conference.family().id(), statement.id(),
                JSON.createObjectBuilder().add("conferenceId", conferenceId.toString()).add("stance", command.stance().name())
                        .add("words", words == null ? "" : words).build().toString()), statement.recordedAt());
        return StatementView.of(statement);
    }

    /**
     * The member it speaks for (or its author) withdraws a statement: it stays in the list, marked
     * withdrawn, and leaves the record. Nobody else may.
     */
    public StatementView withdraw(Caller caller, UUID conferenceId, UUID statementId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        policy.requireShared(caller, conference.family().id(), InformationKind.CONFERENCE_RECORDS);
        conference.requireNotClosed();
        var statement = statementsOf(conferenceId).stream().filter(st -> st.id().equals(statementId)).findFirst()
                .orElseThrow(() -> new ResourceNotFound("statement"));
        withdraw(caller, statement);
        return StatementView.of(statement);
    }

    private void withdraw(Caller caller, ConferenceStatement statement) {
        ConferenceAccess.requireMayWithdraw(caller, statement);
        if (statement.isWithdrawn()) {
            throw new DomainRuleViolation("These views were withdrawn already.");
        }
        statement.withdraw(caller.displayName(), clock.instant());
        audit.record(caller, new AuditLog.Event("STATEMENT_WITHDRAWN", familyOf(statement), statement.id(),
                JSON.createObjectBuilder().add("conferenceId", statement.conferenceId().toString()).build().toString()), clock.instant());
    }

    private UUID familyOf(ConferenceStatement statement) {
        return lookup.require(Conference.class, statement.conferenceId(), "conference").family().id();
    }

    private ConferenceStatement requireStatementOf(UUID conferenceId, UUID statementId, String field) {
        return statementsOf(conferenceId).stream().filter(st -> st.id().equals(statementId)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "Those views are not part of this conference."));
    }

    /**
     * Only an advocate writes views for someone else, and only for a current member of the
     * conference's family; a family member writes their own.
     */
    private FamilyMember requireSpeaksFor(Caller caller, Conference conference, UUID memberId) {
        if (caller.kind() == CallerKind.FAMILY_MEMBER && memberId.equals(caller.id())) {
            return lookup.require(FamilyMember.class, memberId, "family member");
        }
        ConferenceAccess.requireMayWriteForSomeoneElse(caller);
        FamilyMember member = em.find(FamilyMember.class, memberId);
        if (member == null || !member.family().id().equals(conference.family().id()) || !member.isCurrent()) {
            throw new InvalidInput("forMemberId", "Choose someone in the family the views are from.");
        }
        return member;
    }

    List<ConferenceStatement> statementsOf(UUID conferenceId) {
        return em.createQuery("select s from ConferenceStatement s where s.conferenceId = :c order by s.recordedAt",
                ConferenceStatement.class).setParameter("c", conferenceId).getResultList();
    }
}
