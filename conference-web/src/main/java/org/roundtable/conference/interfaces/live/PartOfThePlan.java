package org.roundtable.conference.interfaces.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roundtable.conference.application.PlanChangeApplied;
import org.roundtable.conference.application.view.CommentView;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.OwnActionsView;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanRejection;

/**
 * What a connection whose agency the family does not share the plan with is sent: only its
 * agency's own actions (docs/protocol.md, "Part of the plan"), and of everything else in the room
 * (who types where, comments) only what touches them. Every other connection is sent it all.
 */
final class PartOfThePlan {

    private PartOfThePlan() {
    }

    /**
     * A change as a connection shown only its agency's actions is sent it: just the operations on
     * what it holds, when they bring its copy to what it may see now; when they do not (an action
     * came into or left its view), that part of the plan whole, as {@code sync}. A change that
     * touches nothing it holds is not sent at all, so revisions it receives may skip. Its own
     * change is always acknowledged by its {@code applied}.
     */
    static void sendPartOf(LiveConnection c, PlanChangeApplied applied, PlanDocument now) {
        PlanChange change = applied.change();
        PlanDocument held = c.shown;
        if (held == null) {
            // Its own change is answered by this sync (1.4), as no applied goes with it.
            c.send(ServerMessages.sync(change.revision(), now, null, true, null,
                    change.clientId().equals(c.id) ? Map.of(change.changeId(), change.revision()) : null));
            c.shown = now;
            return;
        }
        List<PlanOperation> visible = OwnActionsView.visibleOperations(change.operations(), held);
        boolean fits;
        try {
            PlanDocument expected = held.copy();
            visible.forEach(expected::apply);
            fits = expected.equals(now);
        } catch (PlanRejection e) {
            fits = false;
        }
        if (!visible.isEmpty() && (fits || change.clientId().equals(c.id))) {
            c.send(ServerMessages.applied(new PlanChange(change.changeId(), change.clientId(), change.revision(), visible),
                    applied.authorName(), null));
        }
        if (!fits) {
            c.send(ServerMessages.sync(change.revision(), now, null, true, null, null));
        }
        c.shown = now;
    }

    /** The plan as this connection may see it (only its agency's actions, when the family keeps the rest), kept as what it holds. */
    static PlanDocument shownTo(LiveConnection c, PlanDocument plan) {
        if (!c.onlyOwnActions) {
            c.shown = null;
            return plan;
        }
        PlanDocument part = OwnActionsView.of(plan, ownerOf(c));
        c.shown = part;
        return part;
    }

    static String ownerOf(LiveConnection c) {
        return new ActionOwnerRef(OwnerKind.AGENCY, c.caller.agencyId()).toString();
    }

    /**
     * Whether this connection may be told about a goal or action: who types in it, its comments,
     * its sign-off. Shown only its agency's actions, it is told of those; of their goals it has
     * only where they sit, never their words, comments or who types in them.
     */
    static boolean sees(LiveConnection c, String nodeId) {
        if (!c.onlyOwnActions) {
            return true;
        }
        PlanDocument part = c.shown;
        return part != null && nodeId != null && part.node(nodeId).filter(n -> n.kind() == PlanNode.Kind.ACTION).isPresent();
    }

    static List<CommentView> commentsFor(LiveConnection c, List<CommentView> comments) {
        return c.onlyOwnActions ? comments.stream().filter(v -> sees(c, v.nodeId().toString())).toList() : comments;
    }

    /** Where someone types, unless it is in something this connection may not see. */
    static Presence presenceFor(LiveConnection c, Presence p) {
        return p == null || p.editingNodeId() == null || sees(c, p.editingNodeId()) ? p
                : new Presence(p.inviteeId(), p.name(), p.role(), null, null);
    }

    static Map<String, Presence> presenceFor(LiveConnection c, Map<String, Presence> presence) {
        if (!c.onlyOwnActions) {
            return presence;
        }
        var seen = new LinkedHashMap<String, Presence>();
        presence.forEach((id, p) -> seen.put(id, presenceFor(c, p)));
        return seen;
    }
}
