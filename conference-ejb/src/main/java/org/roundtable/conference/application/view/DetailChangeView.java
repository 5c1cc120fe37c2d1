package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.roundtable.conference.domain.model.record.DetailChange;
import org.roundtable.shared.record.DetailField;

/**
 * One change to a family's details. A household change also says what happened, as data
 * (household JOINED, or LEFT on leftOn), so each reader's page and PDF says it in their own
 * language; the stored words (English) stay for the record, and rows stored before are read the
 * same way.
 */
public record DetailChangeView(UUID id, UUID memberId, DetailField field, String fieldName, String oldValue, String newValue,
        String changedByName, boolean fromSuggestion, Instant changedAt, HouseholdChange household, LocalDate leftOn) {

    /** Someone came to live in the household, or left it. */
    public enum HouseholdChange { JOINED, LEFT }

    /** How HouseholdChanges writes someone leaving: "Left the household on 2026-12-01". */
    private static final Pattern LEFT_ON = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})$");

    public static DetailChangeView of(DetailChange c) {
        HouseholdChange household = c.field() != DetailField.HOUSEHOLD ? null : c.oldValue() == null ? HouseholdChange.JOINED : HouseholdChange.LEFT;
        return new DetailChangeView(c.id(), c.memberId(), c.field(), c.field().plainWords(), c.oldValue(), c.newValue(),
                c.changedByName(), c.proposalId() != null, c.changedAt(), household, household == HouseholdChange.LEFT ? leftOn(c.newValue()) : null);
    }

    private static LocalDate leftOn(String stored) {
        var day = stored == null ? null : LEFT_ON.matcher(stored);
        return day != null && day.find() ? LocalDate.parse(day.group(1)) : null;
    }
}
