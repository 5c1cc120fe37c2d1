package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.PlanAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.ActionCommand;
import org.roundtable.conference.application.command.GoalCommand;
import org.roundtable.conference.application.view.PlanView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;
import org.roundtable.shared.plan.PlanRejection;
import org.roundtable.shared.plan.TextDiff;

/**
 * The plan through the REST API: each request becomes plan operations and goes through the
 * same pipeline as the live room ({@link LivePlanService}), so people in the room see it at once
 * and a form never overwrites what someone is typing (text is sent as the edit that was made).
 */
@ApplicationScoped
public class ActionPlanService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LivePlanService live;

    @Inject
    private AccessPolicy policy;

    @Inject
    private OwnerNames ownerNames;

    @Inject
    private Clock clock;

    public PlanView get(Caller caller, UUID familyId) {
        return view(policy.toReadThePlan(caller, familyId));
    }

    /** The plan as this person may see it: the whole of it, or only their agency's actions. */
    private PlanView view(PlanAccess access) {
        UUID familyId = access.familyId();
        if (access.seesOnlyOwnActions()) {
            var copy = live.withPlan(familyId, plan -> new LivePlanService.Snapshot(plan.document().copy(), plan.revision()));
            return view(familyId, copy.document(), copy.revision()).ownActionsOf(access.caller().agencyId());
        }
        var snapshot = live.snapshot(access);
        return view(familyId, snapshot.document(), snapshot.revision());
    }

    public PlanView addGoal(Caller caller, UUID familyId, GoalCommand command) {
        return submit(caller, familyId, doc -> {
            String id = UUID.randomUUID().toString();
            List<PlanNode> goals = doc.goals();
            String after = goals.isEmpty() ? null : goals.get(goals.size() - 1).get(PlanField.POSITION);
            var ops = new ArrayList<PlanOperation>();
            ops.add(new CreateGoal(id, FractionalIndex.between(after, null), command.title().strip()));
            textChange(ops, id, PlanField.DESCRIPTION, "", command.description());
            return ops;
        });
    }

    public PlanView editGoal(Caller caller, UUID familyId, UUID goalId, GoalCommand command) {
        return submit(caller, familyId, doc -> {
            PlanNode goal = requireNode(doc, goalId, PlanNode.Kind.GOAL, "goal");
            var ops = new ArrayList<PlanOperation>();
            textChange(ops, goal.id(), PlanField.TITLE, goal.get(PlanField.TITLE), command.title().strip());
            textChange(ops, goal.id(), PlanField.DESCRIPTION, goal.get(PlanField.DESCRIPTION), command.description());
            return ops;
        });
    }

    public PlanView addAction(Caller caller, UUID familyId, UUID goalId, ActionCommand command) {
        return submit(caller, familyId, doc -> {
            requireNode(doc, goalId, PlanNode.Kind.GOAL, "goal");
            List<PlanNode> actions = doc.actionsOf(goalId.toString());
            String after = actions.isEmpty() ? null : actions.get(actions.size() - 1).get(PlanField.POSITION);
            String id = UUID.randomUUID().toString();
            var ops = new ArrayList<PlanOperation>();
            ops.add(new CreateAction(id, goalId.toString(), FractionalIndex.between(after, null), command.description().strip()));
            ops.add(new SetField(id, PlanField.OWNER, owner(command)));
            if (command.dueOn() != null) {
                ops.add(new SetField(id, PlanField.DUE_ON, command.dueOn().toString()));
            }
            if (command.status() != null && command.status() != ActionStatus.PROPOSED) {
                ops.add(new SetField(id, PlanField.STATUS, command.status().name()));
            }
            return ops;
        });
    }

    public PlanView editAction(Caller caller, UUID familyId, UUID actionId, ActionCommand command) {
        return submit(caller, familyId, doc -> {
            PlanNode action = requireNode(doc, actionId, PlanNode.Kind.ACTION, "action");
            var ops = new ArrayList<PlanOperation>();
            textChange(ops, action.id(), PlanField.DESCRIPTION, action.get(PlanField.DESCRIPTION), command.description().strip());
            setChange(ops, action, PlanField.OWNER, owner(command));
            setChange(ops, action, PlanField.DUE_ON, command.dueOn() == null ? null : command.dueOn().toString());
            if (command.status() != null) {
                setChange(ops, action, PlanField.STATUS, command.status().name());
            }
            return ops;
        });
    }

    private interface ChangeBuilder {
        List<PlanOperation> operationsFor(PlanDocument current);
    }

    /**
     * Access is decided where it guards something, each time on one reading of who works with the
     * family: to read the plan the change is made on, again just before the change is written
     * (reading it may have waited for earlier changes to be stored), and again for the answer
     * (written only after the change is stored): whoever lost access meanwhile, because a private
     * part began or the family stopped sharing, is neither let write nor shown the plan.
     */
    private PlanView submit(Caller caller, UUID familyId, ChangeBuilder builder) {
        var current = live.snapshot(policy.toChangeThePlan(caller, familyId));
        List<PlanOperation> ops = builder.operationsFor(current.document());
        if (!ops.isEmpty()) {
            var change = new PlanChange(UUID.randomUUID().toString(), "rest-" + caller.id(), current.revision(), ops);
            try {
                live.submit(policy.toChangeThePlan(caller, familyId), change);
            } catch (PlanRejection e) {
                throw new InvalidInput(null, e.getMessage());
            }
        }
        return get(caller, familyId);
    }

    private static void textChange(List<PlanOperation> ops, String id, PlanField field, String before, String after) {
        String target = after == null ? "" : after.strip();
        if (!target.equals(before)) {
            ops.add(new EditText(id, field, TextDiff.between(before, target)));
        }
    }

    private static void setChange(List<PlanOperation> ops, PlanNode node, PlanField field, String value) {
        if (!Objects.equals(node.get(field), value)) {
            ops.add(new SetField(node.id(), field, value));
        }
    }

    private static String owner(ActionCommand command) {
        return new ActionOwnerRef(command.ownerKind(), command.ownerId()).toString();
    }

    private static PlanNode requireNode(PlanDocument doc, UUID id, PlanNode.Kind kind, String what) {
        return doc.node(id.toString()).filter(n -> n.kind() == kind && !n.isDeleted())
                .orElseThrow(() -> new ResourceNotFound(what));
    }

    /** The plan as everyone sees it, with owners named. */
    PlanView view(UUID familyId, PlanDocument doc, long revision) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> names = ownerNames.of(familyId);
        UUID planId = em.createQuery("select p.id from ActionPlan p where p.family.id = :f", UUID.class)
                .setParameter("f", familyId).getSingleResult();
        var goals = doc.goals().stream().map(g -> new PlanView.GoalView(UUID.fromString(g.id()), g.get(PlanField.POSITION),
                g.get(PlanField.TITLE), emptyToNull(g.get(PlanField.DESCRIPTION)),
                doc.actionsOf(g.id()).stream().map(a -> action(g, a, names, today)).toList())).toList();
        return new PlanView(planId, familyId, revision, goals);
    }

    private static PlanView.ActionView action(PlanNode goal, PlanNode a, Map<String, String> names, LocalDate today) {
        ActionOwnerRef owner = ActionOwnerRef.ofNullable(a.get(PlanField.OWNER));
        String due = a.get(PlanField.DUE_ON);
        ActionStatus status = ActionStatus.valueOf(a.get(PlanField.STATUS));
        LocalDate dueOn = due == null ? null : LocalDate.parse(due);
        return new PlanView.ActionView(UUID.fromString(a.id()), UUID.fromString(goal.id()), a.get(PlanField.POSITION),
                a.get(PlanField.DESCRIPTION), owner == null ? null : owner.kind(), owner == null ? null : owner.id(),
                OwnerNames.nameOf(names, owner), dueOn, status,
                status.isOpen() && dueOn != null && dueOn.isBefore(today));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
