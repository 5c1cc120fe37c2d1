package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.access.SharingRules;
import org.roundtable.conference.application.command.AnswerCommand;
import org.roundtable.conference.application.command.AskCommand;
import org.roundtable.conference.application.view.SharingView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.conference.infrastructure.audit.AuditLog;

/**
 * "Ask me first", for real: a worker asks the family to share one kind of information with
 * their agency (why, for how long); the family is emailed, sees the request on its record and
 * answers yes or no once. A yes shares that kind for the days asked; a no is final for that
 * request (the worker may ask again, or record an override on a lawful basis).
 */
@ApplicationScoped
@Transactional
public class AskingFirst {

    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private SharingRules rules;

    @Inject
    private SharingService sharing;

    @Inject
    private SharingNotices notices;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** A worker asks. Refused when the kind is already shared with their agency, or a request already waits. */
    public SharingView ask(Caller caller, UUID familyId, AskCommand command) {
        policy.requireCaseWorker(caller, familyId);
        var answer = rules.answer(familyId, caller.agencyId(), command.kind());
        if (answer.shared()) {
            throw new InvalidInput("kind", "The family already shares " + command.kind().plainWords().replace("your ", "its ")
                    + " with your agency. You do not need to ask.");
        }
        if (answer.waiting()) {
            throw new InvalidInput("kind", "Someone at your agency has already asked for this. Waiting for the family's answer.");
        }
        StaffMember staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        var request = new SharingRequest(familyId, staff.agency().id(), command.kind(), command.reason().strip(), command.days(),
                staff.id(), staff.fullName(), clock.instant(), LocalDate.now(clock));
        em.persist(request);
        notices.asked(request, staff.agency().name());
        audit.record(caller, new AuditLog.Event("SHARING_REQUESTED", familyId, request.id(), JSON.createObjectBuilder()
                .add("agencyId", staff.agency().id().toString()).add("kind", command.kind().name()).add("days", command.days())
                .add("reason", request.reason()).build().toString()), clock.instant());
        sharing.changed(familyId);
        return sharing.view(caller, familyId);
    }

    /** The family answers, once, before the answer-by date. A request of another family is not found. */
    public SharingView answer(Caller caller, UUID familyId, UUID requestId, AnswerCommand command) {
        policy.requireFamilyMember(caller, familyId, "Only the family answers a request to share its information.");
        SharingRequest request = em.find(SharingRequest.class, requestId);
        if (request == null || !request.familyId().equals(familyId)) {
            throw new ResourceNotFound("request");
        }
        request.answer(command.share(), caller.displayName(), clock.instant(), LocalDate.now(clock));
        notices.answered(request);
        audit.record(caller, new AuditLog.Event("SHARING_REQUEST_ANSWERED", familyId, request.id(), JSON.createObjectBuilder()
                .add("share", command.share()).build().toString()), clock.instant());
        sharing.changed(familyId);
        return sharing.view(caller, familyId);
    }
}
