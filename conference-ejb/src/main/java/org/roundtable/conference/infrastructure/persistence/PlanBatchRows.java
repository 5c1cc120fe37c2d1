package org.roundtable.conference.infrastructure.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanNode;

/**
 * What a batch of plan changes writes, worked out once: each plan's move of revision (with its
 * latest snapshot if one is due), the log rows, each goal and action touched with its latest
 * state (inserted if the batch created it, else updated; goals before actions), and the changes
 * that void signatures.
 */
record PlanBatchRows(List<RevisionMove> moves, List<Pending> changes, List<GoalRow> newGoals, List<GoalRow> goals,
        List<ActionRow> newActions, List<ActionRow> actions, List<Pending> voiding) {

    /**
     * A plan's revision moves from {@code from} (what the database must still hold) to {@code to};
     * {@code snapshot} is the document at {@code snapshotRevision} when one is due, else both null.
     */
    record RevisionMove(UUID planId, long from, long to, String snapshot, Long snapshotRevision) {
    }

    /** plan_change's columns, in the order of {@link #logValues}: the one mapping of a change's log row. */
    static final List<String> LOG_COLUMNS = List.of("plan_id", "revision", "change_id", "client_id", "author_kind", "author_id",
            "operations", "applied_at", "previous_hash", "hash");
    /** Their SQL types, for statements that must name them. */
    static final List<String> LOG_TYPES = List.of("uuid", "bigint", "varchar", "varchar", "varchar", "uuid", "text", "timestamptz",
            "varchar", "varchar");

    static Object[] logValues(Pending c) {
        return new Object[] {c.planId(), c.change().revision(), c.change().changeId(), c.change().clientId(), c.authorKind(),
            c.authorId(), c.operations(), c.at(), c.previousHash(), c.hash()};
    }

    record GoalRow(UUID id, UUID planId, String position, String title, String description, boolean deleted) {
    }

    /** An action as plan_action holds it: the one mapping of an action's columns, for both ways of storing. */
    record ActionRow(UUID id, UUID goalId, String position, String description, OwnerKind ownerKind, UUID ownerAgencyId,
            UUID ownerFamilyMemberId, LocalDate dueOn, String status, boolean deleted) {

        /** The columns of {@link #values()}, in order; the id first. */
        static final List<String> COLUMNS = List.of("id", "goal_id", "position_key", "description", "owner_kind", "owner_agency_id",
                "owner_family_member_id", "due_on", "status", "deleted");
        /** Their SQL types, for statements that must name them. */
        static final List<String> TYPES = List.of("uuid", "uuid", "varchar", "varchar", "varchar", "uuid", "uuid", "date", "varchar",
                "boolean");

        Object[] values() {
            return new Object[] {id, goalId, position, description, ownerKind == null ? null : ownerKind.name(), ownerAgencyId,
                ownerFamilyMemberId, dueOn, status, deleted};
        }
    }

    static PlanBatchRows of(List<Pending> batch) {
        Map<UUID, long[]> revisions = new LinkedHashMap<>();
        Map<String, PlanNode> latest = new LinkedHashMap<>();
        Map<String, UUID> planOf = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        Map<UUID, Pending> snapshots = new LinkedHashMap<>();
        for (Pending p : batch) {
            long revision = p.change().revision();
            revisions.computeIfAbsent(p.planId(), id -> new long[] {revision - 1, revision})[1] = revision;
            for (PlanNode node : p.touched()) {
                latest.put(node.id(), node);
                planOf.put(node.id(), p.planId());
            }
            created.addAll(p.created());
            if (p.snapshot() != null) {
                snapshots.put(p.planId(), p);
            }
        }
        var moves = new ArrayList<RevisionMove>();
        revisions.forEach((plan, range) -> {
            Pending snapshot = snapshots.get(plan);
            moves.add(new RevisionMove(plan, range[0], range[1], snapshot == null ? null : snapshot.snapshot(),
                    snapshot == null ? null : snapshot.change().revision()));
        });
        var newGoals = new ArrayList<GoalRow>();
        var goals = new ArrayList<GoalRow>();
        var newActions = new ArrayList<ActionRow>();
        var actions = new ArrayList<ActionRow>();
        for (PlanNode node : latest.values()) {
            boolean isNew = created.contains(node.id());
            if (node.kind() == PlanNode.Kind.GOAL) {
                (isNew ? newGoals : goals).add(goal(node, planOf.get(node.id())));
            } else {
                (isNew ? newActions : actions).add(action(node));
            }
        }
        var voiding = batch.stream().filter(p -> p.voids() != null).toList();
        return new PlanBatchRows(moves, batch, newGoals, goals, newActions, actions, voiding);
    }

    private static GoalRow goal(PlanNode g, UUID planId) {
        return new GoalRow(UUID.fromString(g.id()), planId, g.get(PlanField.POSITION), g.get(PlanField.TITLE),
                g.get(PlanField.DESCRIPTION), g.isDeleted());
    }

    private static ActionRow action(PlanNode a) {
        ActionOwnerRef owner = ActionOwnerRef.ofNullable(a.get(PlanField.OWNER));
        OwnerKind kind = owner == null ? null : owner.kind();
        String due = a.get(PlanField.DUE_ON);
        String description = a.get(PlanField.DESCRIPTION);
        return new ActionRow(UUID.fromString(a.id()), UUID.fromString(a.get(PlanField.GOAL)), a.get(PlanField.POSITION),
                description == null ? "" : description, kind, kind == OwnerKind.AGENCY ? owner.id() : null,
                kind == OwnerKind.FAMILY_MEMBER ? owner.id() : null, due == null ? null : LocalDate.parse(due),
                a.get(PlanField.STATUS), a.isDeleted());
    }
}
