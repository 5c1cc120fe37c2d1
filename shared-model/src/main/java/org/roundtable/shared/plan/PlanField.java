package org.roundtable.shared.plan;

/**
 * The fields of goals and actions. Text fields merge character by character; every other field
 * takes the value written last in the server's order (and DELETED is one of those: removing a
 * goal or action only hides it, so nobody's concurrent typing into it is lost).
 */
public enum PlanField {
    TITLE(true, true, false),
    DESCRIPTION(true, true, true),
    POSITION(false, true, true),
    GOAL(false, false, true),
    /** Who owns an action, one value so that kind and id always change together: AGENCY:uuid or FAMILY_MEMBER:uuid. */
    OWNER(false, false, true),
    DUE_ON(false, false, true),
    STATUS(false, false, true),
    DELETED(false, true, true);

    private final boolean text;
    private final boolean onGoal;
    private final boolean onAction;

    PlanField(boolean text, boolean onGoal, boolean onAction) {
        this.text = text;
        this.onGoal = onGoal;
        this.onAction = onAction;
    }

    public boolean isText() {
        return text;
    }

    public boolean appliesTo(PlanNode.Kind kind) {
        return kind == PlanNode.Kind.GOAL ? onGoal : onAction;
    }
}
