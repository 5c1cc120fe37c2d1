package org.roundtable.shared.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;
import org.roundtable.shared.plan.PlanRejection.Reason;

/**
 * The family's plan as a document of goals and actions, each a set of fields. It knows how to
 * apply an operation (or refuse it, changing nothing) and how to list itself in order. Deleted
 * items stay, hidden, so that late edits to them still have somewhere to land.
 */
public final class PlanDocument {

    private final Map<String, PlanNode> nodes;

    public PlanDocument() {
        this(new LinkedHashMap<>());
    }

    private PlanDocument(Map<String, PlanNode> nodes) {
        this.nodes = nodes;
    }

    static PlanDocument of(List<PlanNode> nodes) {
        var map = new LinkedHashMap<String, PlanNode>();
        nodes.forEach(n -> map.put(n.id(), n));
        return new PlanDocument(map);
    }

    /**
     * A copy that shares the nodes: a node is copied only when an operation changes it (see
     * {@link #apply}), so copying a large plan for every change costs little.
     */
    public PlanDocument copy() {
        return new PlanDocument(new LinkedHashMap<>(nodes));
    }

    public Optional<PlanNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Every node, deleted ones included, in the order they were created. */
    public List<PlanNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** Goals that are not deleted, in plan order. */
    public List<PlanNode> goals() {
        return ordered(n -> n.kind() == PlanNode.Kind.GOAL);
    }

    /** Actions of a goal that are not deleted, in plan order. */
    public List<PlanNode> actionsOf(String goalId) {
        return ordered(n -> n.kind() == PlanNode.Kind.ACTION && goalId.equals(n.get(PlanField.GOAL)));
    }

    private List<PlanNode> ordered(java.util.function.Predicate<PlanNode> which) {
        var list = new ArrayList<PlanNode>();
        for (PlanNode n : nodes.values()) {
            if (!n.isDeleted() && which.test(n)) {
                list.add(n);
            }
        }
        // Two people may pick the same position at once; the id breaks the tie the same way everywhere.
        list.sort(Comparator.comparing((PlanNode n) -> n.get(PlanField.POSITION)).thenComparing(PlanNode::id));
        return list;
    }

    /** Applies one operation, or throws {@link PlanRejection} and changes nothing. */
    public void apply(PlanOperation op) {
        if (op instanceof CreateGoal g) {
            requireNew(g.nodeId());
            requirePosition(g.position());
            var node = new PlanNode(g.nodeId(), PlanNode.Kind.GOAL);
            node.set(PlanField.POSITION, g.position());
            node.set(PlanField.TITLE, g.title());
            nodes.put(g.nodeId(), node);
        } else if (op instanceof CreateAction a) {
            requireNew(a.nodeId());
            requirePosition(a.position());
            requireGoal(a.goalId());
            var node = new PlanNode(a.nodeId(), PlanNode.Kind.ACTION);
            node.set(PlanField.GOAL, a.goalId());
            node.set(PlanField.POSITION, a.position());
            node.set(PlanField.DESCRIPTION, a.description());
            node.set(PlanField.STATUS, ActionStatus.PROPOSED.name());
            nodes.put(a.nodeId(), node);
        } else if (op instanceof SetField s) {
            PlanNode node = require(s.nodeId(), s.field());
            validate(s.field(), s.value());
            writable(node).set(s.field(), s.value());
        } else if (op instanceof EditText e) {
            PlanNode node = require(e.nodeId(), e.field());
            String text = node.get(e.field());
            if (e.edit().baseLength() != text.length()) {
                throw new PlanRejection(Reason.TEXT_MISMATCH, "The edit was made to a different version of this text ("
                        + e.edit().baseLength() + " characters, it has " + text.length() + ").");
            }
            writable(node).set(e.field(), e.edit().apply(text));
        }
    }

    /** Nodes may be shared with copies of this document: change a private copy of it, never the shared one. */
    private PlanNode writable(PlanNode node) {
        PlanNode own = node.copy();
        nodes.put(own.id(), own);
        return own;
    }

    private void requireNew(String id) {
        if (nodes.containsKey(id)) {
            throw new PlanRejection(Reason.ALREADY_EXISTS, "Something in the plan already has the id " + id + ".");
        }
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PlanRejection(Reason.INVALID_VALUE, "Ids are UUIDs; " + id + " is not one.");
        }
    }

    private PlanNode require(String id, PlanField field) {
        PlanNode node = nodes.get(id);
        if (node == null) {
            throw new PlanRejection(Reason.UNKNOWN_ID, "There is no goal or action with the id " + id + ".");
        }
        if (!field.appliesTo(node.kind())) {
            throw new PlanRejection(Reason.WRONG_FIELD, "A " + node.kind().name().toLowerCase() + " has no field " + field + ".");
        }
        return node;
    }

    private void requireGoal(String goalId) {
        PlanNode goal = nodes.get(goalId);
        if (goal == null || goal.kind() != PlanNode.Kind.GOAL) {
            throw new PlanRejection(Reason.UNKNOWN_ID, "There is no goal with the id " + goalId + ".");
        }
    }

    private static void requirePosition(String position) {
        if (!FractionalIndex.isValid(position)) {
            throw new PlanRejection(Reason.INVALID_VALUE, "'" + position + "' is not a position key.");
        }
    }

    private void validate(PlanField field, String value) {
        if (value == null) {
            if (field == PlanField.POSITION || field == PlanField.GOAL || field == PlanField.STATUS || field == PlanField.DELETED) {
                throw new PlanRejection(Reason.INVALID_VALUE, field + " cannot be empty.");
            }
            return;
        }
        switch (field) {
            case POSITION -> requirePosition(value);
            case GOAL -> requireGoal(value);
            case OWNER -> ActionOwnerRef.parse(value);
            case STATUS -> requireEnum(ActionStatus.class, field, value);
            case DELETED -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new PlanRejection(Reason.INVALID_VALUE, "DELETED is true or false.");
                }
            }
            case DUE_ON -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw new PlanRejection(Reason.INVALID_VALUE, "A due date is written like 2026-03-31.");
                }
            }
            default -> throw new PlanRejection(Reason.WRONG_FIELD, field + " cannot be set this way.");
        }
    }

    private static <E extends Enum<E>> void requireEnum(Class<E> type, PlanField field, String value) {
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PlanRejection(Reason.INVALID_VALUE, "'" + value + "' is not a valid " + field + ".");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanDocument d && d.nodes.equals(nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes);
    }

    @Override
    public String toString() {
        return nodes.values().toString();
    }
}
