package org.roundtable.shared.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.roundtable.shared.plan.PlanRejection.Reason;

/**
 * Whether a goal or action, as a change leaves it, keeps every {@link Limit}: checked by the
 * plan's authority before it accepts a change, so that nothing it acknowledges can be refused
 * by the database later (where it would fail a whole group commit). Only new changes are
 * checked: what was stored before is replayed as it is.
 */
final class StorableCheck {

    private StorableCheck() {
    }

    static void require(PlanNode node) {
        for (PlanField field : PlanField.values()) {
            if (!field.appliesTo(node.kind())) {
                continue;
            }
            String value = node.rawValue(field);
            if (value == null) {
                continue;
            }
            if (field.isText()) {
                requireText(node, field, value);
            } else if (field == PlanField.DUE_ON) {
                requireDate(value);
            } else if (value.length() > Limit.VALUE.value()) {
                throw new PlanRejection(Reason.INVALID_VALUE, field + " is at most " + Limit.VALUE.value() + " characters.");
            }
        }
    }

    private static void requireText(PlanNode node, PlanField field, String text) {
        Limit limit = Limit.forText(node.kind(), field);
        if (text.length() > limit.value()) {
            throw new PlanRejection(Reason.INVALID_VALUE, "A " + node.kind().name().toLowerCase() + "'s " + field.name().toLowerCase()
                    + " is at most " + limit.value() + " characters; this change would make it " + text.length() + ".");
        }
        String problem = WellFormedText.problem(text);
        if (problem != null) {
            throw new PlanRejection(Reason.INVALID_VALUE, problem);
        }
    }

    private static void requireDate(String value) {
        int year;
        try {
            year = LocalDate.parse(value).getYear();
        } catch (DateTimeParseException e) {
            throw new PlanRejection(Reason.INVALID_VALUE, "A due date is written like 2026-03-31.");
        }
        if (year < Limit.DUE_ON_FIRST_YEAR.value() || year > Limit.DUE_ON_LAST_YEAR.value()) {
            throw new PlanRejection(Reason.INVALID_VALUE, "A due date is between the years " + Limit.DUE_ON_FIRST_YEAR.value() + " and "
                    + Limit.DUE_ON_LAST_YEAR.value() + ".");
        }
    }
}
