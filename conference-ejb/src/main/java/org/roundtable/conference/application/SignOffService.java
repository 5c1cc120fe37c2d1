package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.OwnActions;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.command.SignOffCommand;
import org.roundtable.conference.application.view.SignOffView;
import org.roundtable.conference.application.view.SignOffView.ActionSignOff;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.commitment.ActionSignature;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.infrastructure.persistence.SignatureStore;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.domain.SignOffState;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.CommitmentHash;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.record.InformationKind;

/**
 * Owners signing off the actions they own, conference by conference. A signature covers a hash
 * of the action's words, owner and due date; the plan pipeline voids it when those change.
 * A signature is committed in its own transaction while the plan is held (see sign).
 */
@ApplicationScoped
@Transactional
public class SignOffService {

    /** A stale version: the action changed after the signer read it. */
    public static class StaleVersion extends DomainRuleViolation {
        public StaleVersion() {
            super("This action has changed since you read it. Read it again, then sign the version you see.");
        }
    }

    @Inject
    private Lookup lookup;

    @Inject
    private AccessPolicy policy;

    @Inject
    private LivePlanService live;

    @Inject
    private PlansAcrossNodes nodes;

    /** This bean through its proxy: what {@link #sign} calls must run in transactions of their own. */
    @Inject
    private SignOffService self;

    @Inject
    private SignatureStore signatures;

    @Inject
    private OwnerNames ownerNames;

    @Inject
    private Event<SignOffChanged> changed;

    @Inject
    private Clock clock;

    public SignOffView view(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        boolean onlyOwn = policy.seesOnlyOwnActions(caller, conference.family().id());
        return forCaller(view(conference, caller), caller, onlyOwn);
    }

    /** An agency the family does not share the plan with sees only its own actions, without their goals' words. */
    private static SignOffView forCaller(SignOffView view, Caller caller, boolean onlyOwn) {
        if (!onlyOwn) {
            return view;
        }
        var own = view.actions().stream().filter(a -> a.ownerKind() == OwnerKind.AGENCY && a.ownerId().equals(caller.agencyId()))
                .map(a -> new SignOffView.ActionSignOff(a.actionId(), null, a.description(), a.ownerKind(), a.ownerId(), a.ownerName(),
                        a.dueOn(), a.status(), a.contentHash(), a.state(), a.signedBy(), a.signedAt(), a.voidedAt(), a.voidReason(),
                        a.canSign()))
                .toList();
        return new SignOffView(view.conferenceId(), view.conferenceStatus(), view.planRevision(), own);
    }

    /** The sign-off of a conference as everyone sees it (nobody's "may sign"): for the live room. */
    public SignOffView view(UUID conferenceId) {
        return view(lookup.require(Conference.class, conferenceId, "conference"), null);
    }

    private SignOffView view(Conference conference, Caller caller) {
        // A copy taken under the plan's lock; the database is read after letting it go.
        var snapshot = live.withPlan(conference.family().id(), plan -> new LivePlanService.Snapshot(plan.document().copy(), plan.revision()));
        return view(conference, snapshot.document(), snapshot.revision(), caller);
    }

    /** The sign-off of a conference against a plan the caller has already read (for the conference record). */
    SignOffView ofPlan(Conference conference, LivePlanService.Snapshot plan) {
        return view(conference, plan.document(), plan.revision(), null);
    }

    /**
     * Signs off an action. On a cluster, only the plan's owner node records it (PlansAcrossNodes):
     * there the signature and the plan's changes take turns under the plan's lock, so a change
     * stored after it voids it, and one stored before it is in what is signed (or the signer is
     * told the action changed). Another node sends it there and waits for the answer, holding no
     * transaction (nor a database connection) meanwhile: the decision and the view that follows
     * each have their own.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignOffView sign(Caller caller, UUID conferenceId, SignOffCommand command) {
        MaySign may = self.requireMaySign(caller, conferenceId);
        if (nodes.ownsHere(may.familyId())) {
            signOnThePlan(caller, conferenceId, may.familyId(), command, null);
        } else {
            nodes.signOnTheOwner(caller, may.familyId(), conferenceId, command);
        }
        // As the caller was allowed to see it when signing: a private part begun since does not turn a stored signature into a 403.
        return self.viewAfterSigning(caller, conferenceId, may.onlyOwnActions());
    }

    /** The caller may sign in the family's conference; {@code onlyOwnActions}: the family does not share the whole plan with them. */
    public record MaySign(UUID familyId, boolean onlyOwnActions) {
    }

    /**
     * Whether the caller may sign in this conference now (they see it and the plan, no private
     * part keeps them out, it is not closed).
     */
    public MaySign requireMaySign(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        UUID familyId = conference.family().id();
        // Signing needs only the action itself: an agency signs its own even when the rest of the plan is not shared with it.
        boolean onlyOwn = policy.toReadThePlan(caller, familyId).seesOnlyOwnActions();
        if (conference.status() == ConferenceStatus.CLOSED) {
            throw new DomainRuleViolation("This conference is closed; its sign-off can no longer change. Sign in the next conference.");
        }
        return new MaySign(familyId, onlyOwn);
    }

    /** The sign-off after a signature, for someone whose access {@link #requireMaySign} decided. */
    public SignOffView viewAfterSigning(Caller caller, UUID conferenceId, boolean onlyOwnActions) {
        return forCaller(view(lookup.require(Conference.class, conferenceId, "conference"), caller), caller, onlyOwnActions);
    }

    /**
     * On the plan's owner node: a sign-off asked for on another node, decided again here against
     * current data. Not begun after {@code startBy} (System.nanoTime), nor if the plan moved to
     * another node meanwhile (asked under its lock): nothing is signed, and the asking node is told
     * to try again. Holds no transaction while it waits for the plan: the decision and the
     * signature each have their own.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void signSentFromAnotherNode(Caller caller, UUID conferenceId, SignOffCommand command, long startBy) {
        signOnThePlan(caller, conferenceId, self.requireMaySign(caller, conferenceId).familyId(), command, startBy);
    }

    /**
     * Records the signature under the plan's lock, on the node that owns the plan (asked again
     * under the lock). {@code startBy}: given for a sign-off sent from another node (see
     * {@link #signSentFromAnotherNode}).
     */
    void signOnThePlan(Caller caller, UUID conferenceId, UUID familyId, SignOffCommand command, Long startBy) {
        // The words as stored (on the owner, its own copy: it is the only writer).
        live.withPlanAsStored(familyId, plan -> {
            if (startBy != null && System.nanoTime() - startBy > 0) {
                throw new PlanNotStored("The server that keeps this plan was too busy to take your signature. Nothing was signed; please try again.");
            }
            if (!nodes.ownsHere(familyId)) {
                // Moved since it was asked (here or on the node that sent it): only the owner signs.
                throw new PlanNotStored(PlansAcrossNodes.MOVED);
            }
            PlanNode action = plan.document().node(command.actionId().toString())
                    .filter(n -> n.kind() == PlanNode.Kind.ACTION && !n.isDeleted())
                    .orElseThrow(() -> new ResourceNotFound("action"));
            OwnActions.requireMaySignOff(caller, ActionOwnerRef.ofNullable(action.get(PlanField.OWNER)));
            String current = CommitmentHash.of(action);
            if (!current.equals(command.contentHash())) {
                throw new StaleVersion();
            }
            // Committed before the plan is let go: an edit that follows finds the signature and voids it.
            signatures.save(new ActionSignature(plan.planId(), command.actionId(), conferenceId, caller, current, clock.instant()),
                    familyId, caller);
            plan.signed(action.id());
            return null;
        });
        // Told to the rooms on every node (LiveRooms).
        changed.fire(new SignOffChanged(familyId, java.util.Set.of(command.actionId().toString())));
    }

    private SignOffView view(Conference conference, PlanDocument doc, long revision, Caller caller) {
        Map<UUID, ActionSignature> latest = signatures.latestByAction(conference.id());
        Map<String, String> names = ownerNames.of(conference.family().id());
        boolean open = conference.status() != ConferenceStatus.CLOSED;
        var actions = new ArrayList<ActionSignOff>();
        for (PlanNode goal : doc.goals()) {
            for (PlanNode a : doc.actionsOf(goal.id())) {
                UUID id = UUID.fromString(a.id());
                ActionOwnerRef owner = ActionOwnerRef.ofNullable(a.get(PlanField.OWNER));
                String hash = CommitmentHash.of(a);
                ActionSignature s = latest.get(id);
                SignOffState state = s == null ? SignOffState.UNSIGNED
                        : s.isVoid() || !s.contentHash().equals(hash) ? SignOffState.NEEDS_NEW_SIGNATURE : SignOffState.SIGNED;
                String due = a.get(PlanField.DUE_ON);
                actions.add(new ActionSignOff(id, goal.get(PlanField.TITLE), a.get(PlanField.DESCRIPTION),
                        owner == null ? null : owner.kind(), owner == null ? null : owner.id(), OwnerNames.nameOf(names, owner),
                        due == null ? null : LocalDate.parse(due), ActionStatus.valueOf(a.get(PlanField.STATUS)), hash, state, s == null ? null : s.signerName(),
                        s == null ? null : s.signedAt(), s == null ? null : s.voidedAt(), s == null ? null : s.voidReason(),
                        open && OwnActions.owns(caller, owner) && state != SignOffState.SIGNED));
            }
        }
        return new SignOffView(conference.id(), conference.status(), revision, List.copyOf(actions));
    }
}
