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
import org.roundtable.conference.application.access.OwnActions;
import org.roundtable.conference.application.access.PlanAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.ProgressCommand;
import org.roundtable.conference.application.view.ProgressView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.commitment.ProgressUpdate;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;

/**
 * Owners reporting on their actions after the conference. A change of status goes through the
 * plan's pipeline like any edit (so the room and the dashboard see it); the note is kept beside it.
 */
@ApplicationScoped
@Transactional
public class ProgressService {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private LivePlanService live;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public List<ProgressView> list(Caller caller, UUID familyId, UUID actionId) {
        requireAction(policy.toChangeThePlan(caller, familyId), actionId);
        return em.createQuery("select p from ProgressUpdate p where p.actionId = :a order by p.postedAt desc", ProgressUpdate.class)
                .setParameter("a", actionId).getResultStream().map(ProgressView::of).toList();
    }

    public ProgressView post(Caller caller, UUID familyId, UUID actionId, ProgressCommand command) {
        var snapshot = requireAction(policy.toChangeThePlan(caller, familyId), actionId);
        PlanNode action = snapshot.document().node(actionId.toString()).orElseThrow();
        OwnActions.requireMayPostProgress(caller, ActionOwnerRef.ofNullable(action.get(PlanField.OWNER)));
        if (!command.status().name().equals(action.get(PlanField.STATUS))) {
            // Decided again just before the write: reading the plan may have waited for earlier changes.
            live.submit(policy.toChangeThePlan(caller, familyId), new PlanChange(UUID.randomUUID().toString(), "progress-" + caller.id(), snapshot.revision(),
                    List.of(new PlanOperation.SetField(actionId.toString(), PlanField.STATUS, command.status().name()))));
        }
        var update = new ProgressUpdate(actionId, caller, command.status(), command.note().strip(), clock.instant());
        em.persist(update);
        audit.record(caller, new AuditLog.Event("PROGRESS_POSTED", familyId, update.id(), JSON.createObjectBuilder()
                .add("actionId", actionId.toString()).add("status", command.status().name()).add("note", update.note())
                .build().toString()), update.postedAt());
        return ProgressView.of(update);
    }

    private LivePlanService.Snapshot requireAction(PlanAccess access, UUID actionId) {
        var snapshot = live.snapshot(access);
        snapshot.document().node(actionId.toString()).filter(n -> n.kind() == PlanNode.Kind.ACTION && !n.isDeleted())
                .orElseThrow(() -> new ResourceNotFound("action"));
        return snapshot;
    }
}
