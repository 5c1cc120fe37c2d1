package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.command.ActionCommand;
import org.roundtable.conference.application.command.GoalCommand;
import org.roundtable.conference.application.view.PlanView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.plan.Action;
import org.roundtable.conference.domain.model.plan.ActionOwner;
import org.roundtable.conference.domain.model.plan.ActionPlan;
import org.roundtable.conference.domain.model.plan.Goal;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/** The family's living plan: goals and the actions towards them. */
@ApplicationScoped
@Transactional
public class ActionPlanService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private FamilyService families;

    @Inject
    private Clock clock;

    public PlanView get(Caller caller, UUID familyId) {
        policy.requireFamilyVisible(caller, familyId);
        return view(planOf(familyId));
    }

    public PlanView addGoal(Caller caller, UUID familyId, GoalCommand command) {
        policy.requirePlanContributor(caller, familyId);
        var plan = planOf(familyId);
        plan.addGoal(command.title().strip(), FamilyService.blankToNull(command.description()));
        return view(plan);
    }

    public PlanView editGoal(Caller caller, UUID familyId, UUID goalId, GoalCommand command) {
        policy.requirePlanContributor(caller, familyId);
        var plan = planOf(familyId);
        goal(plan, goalId).edit(command.title().strip(), FamilyService.blankToNull(command.description()));
        return view(plan);
    }

    public PlanView addAction(Caller caller, UUID familyId, UUID goalId, ActionCommand command) {
        policy.requirePlanContributor(caller, familyId);
        var plan = planOf(familyId);
        var owner = owner(familyId, command);
        if (!caller.isStaff() && owner.kind() == OwnerKind.AGENCY) {
            // The family may ask an agency to do something, but only as a proposal the agency accepts.
            if (command.status() != null && command.status() != ActionStatus.PROPOSED) {
                throw new AccessDenied("Only the agency's staff can agree to an action for the agency.");
            }
        }
        goal(plan, goalId).addAction(command.description().strip(), owner, command.dueOn());
        return view(plan);
    }

    public PlanView editAction(Caller caller, UUID familyId, UUID actionId, ActionCommand command) {
        var plan = planOf(familyId);
        Action action = plan.action(actionId).orElseThrow(() -> new ResourceNotFound("action"));
        policy.requireMayEditAction(caller, familyId, action);
        var owner = owner(familyId, command);
        if (!caller.isStaff() && owner.kind() == OwnerKind.AGENCY) {
            throw new AccessDenied("An action cannot be handed to an agency by the family; propose a new one instead.");
        }
        action.edit(command.description().strip(), owner, command.dueOn(),
                command.status() == null ? action.status() : command.status());
        return view(plan);
    }

    private ActionOwner owner(UUID familyId, ActionCommand command) {
        if (command.ownerKind() == OwnerKind.FAMILY_MEMBER) {
            families.requireMemberOf(familyId, command.ownerId());
            return ActionOwner.familyMember(command.ownerId());
        }
        boolean involved = families.involvements(familyId).stream()
                .anyMatch(i -> i.agency().id().equals(command.ownerId()) && i.isActiveOn(LocalDate.now(clock)));
        if (!involved) {
            throw new InvalidInput("ownerId", "An action can only be owned by an agency working with this family.");
        }
        return ActionOwner.agency(command.ownerId());
    }

    private ActionPlan planOf(UUID familyId) {
        return em.createQuery("select p from ActionPlan p where p.family.id = :f", ActionPlan.class)
                .setParameter("f", familyId).getResultStream().findFirst()
                .orElseThrow(() -> new ResourceNotFound("family"));
    }

    private static Goal goal(ActionPlan plan, UUID goalId) {
        return plan.goal(goalId).orElseThrow(() -> new ResourceNotFound("goal"));
    }

    private PlanView view(ActionPlan plan) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, String> names = new HashMap<>();
        var agencyIds = plan.goals().stream().flatMap(g -> g.actions().stream()).map(Action::owner)
                .filter(o -> o.kind() == OwnerKind.AGENCY).map(ActionOwner::id).distinct().toList();
        if (!agencyIds.isEmpty()) {
            em.createQuery("select a from Agency a where a.id in :ids", Agency.class).setParameter("ids", agencyIds)
                    .getResultStream().forEach(a -> names.put(a.id(), a.name()));
        }
        families.membersOf(plan.family().id()).forEach(m -> names.put(m.id(), m.fullName()));
        var goals = plan.goals().stream().map(g -> new PlanView.GoalView(g.id(), g.position(), g.title(), g.description(),
                g.actions().stream().map(a -> new PlanView.ActionView(a.id(), g.id(), a.position(), a.description(),
                        a.owner().kind(), a.owner().id(), names.getOrDefault(a.owner().id(), "Unknown"), a.dueOn(),
                        a.status(), a.isOverdueOn(today))).toList())).toList();
        return new PlanView(plan.id(), plan.family().id(), plan.revision(), goals);
    }
}
