package org.roundtable.shared.plan;

import java.util.Objects;

/**
 * One change to the plan, addressed by stable ids that the client chooses (UUIDs), so that an
 * operation means the same thing whatever else happened concurrently.
 */
public sealed interface PlanOperation {

    /** The goal or action this operation is about. */
    String nodeId();

    /** Adds a goal at a position (a {@link FractionalIndex} key). */
    record CreateGoal(String nodeId, String position, String title) implements PlanOperation {
        public CreateGoal {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(position);
            title = title == null ? "" : title;
        }
    }

    /** Adds an action under a goal. Owner and due date may be set later. */
    record CreateAction(String nodeId, String goalId, String position, String description) implements PlanOperation {
        public CreateAction {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(goalId);
            Objects.requireNonNull(position);
            description = description == null ? "" : description;
        }
    }

    /** Sets a field that is not text: the last write in server order wins. A null value clears it. */
    record SetField(String nodeId, PlanField field, String value) implements PlanOperation {
        public SetField {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(field);
            if (field.isText()) {
                throw new IllegalArgumentException(field + " is text: edit it with EditText");
            }
        }
    }

    /** Edits a text field character by character. */
    record EditText(String nodeId, PlanField field, TextOperation edit) implements PlanOperation {
        public EditText {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(edit);
            if (!field.isText()) {
                throw new IllegalArgumentException(field + " is not text");
            }
        }
    }
}
