package org.roundtable.shared.plan;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A goal or an action: its id, its kind and the current value of each of its fields. */
public final class PlanNode {

    public enum Kind { GOAL, ACTION }

    private final String id;
    private final Kind kind;
    private final Map<PlanField, String> values;

    PlanNode(String id, Kind kind) {
        this(id, kind, new EnumMap<>(PlanField.class));
    }

    private PlanNode(String id, Kind kind, Map<PlanField, String> values) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.values = values;
    }

    PlanNode copy() {
        return new PlanNode(id, kind, new EnumMap<>(values));
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The value of a field; text fields are never null. */
    public String get(PlanField field) {
        String value = values.get(field);
        return value == null && field.isText() ? "" : value;
    }

    /** The stored value, null when unset (text fields included). */
    String rawValue(PlanField field) {
        return values.get(field);
    }

    public boolean isDeleted() {
        return "true".equals(values.get(PlanField.DELETED));
    }

    void set(PlanField field, String value) {
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanNode n && n.id.equals(id) && n.kind == kind && n.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, values);
    }

    @Override
    public String toString() {
        return kind + " " + id + " " + values;
    }
}
