package org.roundtable.shared.plan;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;

/**
 * Rewrites concurrent changes so that they can be applied in either order with the same result.
 * "Later" is the change the server applies second (a client's pending change); "earlier" is one
 * the server has already applied. Text edits to the same field are merged; for any other field
 * the later write wins, so the earlier one is dropped from the later side's view.
 */
public final class Transform {

    private Transform() {
    }

    /** later' (to apply after earlier) and earlier' (to apply after later). */
    public record Pair(List<PlanOperation> later, List<PlanOperation> earlier) {
    }

    public static Pair transform(List<PlanOperation> later, List<PlanOperation> earlier) {
        List<PlanOperation> laterPrime = new ArrayList<>(later);
        List<PlanOperation> earlierPrime = new ArrayList<>();
        for (PlanOperation e : earlier) {
            PlanOperation current = e;
            List<PlanOperation> next = new ArrayList<>(laterPrime.size());
            for (PlanOperation l : laterPrime) {
                if (current == null) {
                    next.add(l);
                    continue;
                }
                PlanOperation[] pair = transform(l, current);
                next.add(pair[0]);
                current = pair[1];
            }
            laterPrime = next;
            if (current != null) {
                earlierPrime.add(current);
            }
        }
        return new Pair(laterPrime, earlierPrime);
    }

    /** The pair [later', earlier']; earlier' is null where later overrides it. */
    static PlanOperation[] transform(PlanOperation later, PlanOperation earlier) {
        if (!later.nodeId().equals(earlier.nodeId())) {
            return new PlanOperation[] {later, earlier};
        }
        if (later instanceof EditText l && earlier instanceof EditText e && l.field() == e.field()) {
            TextOperation[] text = TextOperation.transform(l.edit(), e.edit());
            return new PlanOperation[] {new EditText(l.nodeId(), l.field(), text[0]), new EditText(e.nodeId(), e.field(), text[1])};
        }
        if (later instanceof SetField l && earlier instanceof SetField e && l.field() == e.field()) {
            return new PlanOperation[] {later, null};
        }
        return new PlanOperation[] {later, earlier};
    }
}
