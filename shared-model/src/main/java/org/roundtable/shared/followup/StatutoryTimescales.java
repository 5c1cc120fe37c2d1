package org.roundtable.shared.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ConferenceKind;

/**
 * The timescales that child protection procedures set for conferences, and which conference
 * is due when. Defaults follow Working Together to Safeguard Children as local procedures apply
 * it: the initial conference within 15 working days of the strategy discussion; the first review
 * within 3 months of the initial conference, then at most every 6 months; the first core group
 * within 10 working days of the initial conference, then at least every 6 weeks.
 */
public record StatutoryTimescales(int initialConferenceWorkingDays, int firstReviewMonths, int laterReviewMonths,
        int firstCoreGroupWorkingDays, int coreGroupWeeks) {

    public StatutoryTimescales {
        requireInRange("initial conference working days", initialConferenceWorkingDays, 1, 60);
        requireInRange("first review months", firstReviewMonths, 1, 12);
        requireInRange("later review months", laterReviewMonths, 1, 12);
        requireInRange("first core group working days", firstCoreGroupWorkingDays, 1, 60);
        requireInRange("core group weeks", coreGroupWeeks, 1, 26);
    }

    public static StatutoryTimescales workingTogether() {
        return new StatutoryTimescales(15, 3, 6, 10, 6);
    }

    /** A conference of the family's, as far as timescales care: what kind, on which day. */
    public record HeldConference(UUID id, ConferenceKind kind, LocalDate on) {
    }

    /** Whether a required conference was, or will be, on time. */
    public enum State {
        /** Booked or held within its timescale. */
        ON_TIME,
        /** Booked or held after its timescale: a breach. */
        LATE,
        /** Not booked yet, and still within its timescale. */
        DUE,
        /** Not booked, and its timescale has passed: a breach. */
        OVERDUE;

        public boolean isBreach() {
            return this == LATE || this == OVERDUE;
        }
    }

    /**
     * One conference the procedures require: by when, why, and what was done about it. For one
     * not yet booked, {@code proposedOn} is the date Roundtable suggests.
     */
    public record ConferenceDue(ConferenceKind kind, LocalDate dueBy, String basis, State state, UUID conferenceId,
            LocalDate bookedOn, LocalDate proposedOn) {
    }

    /**
     * Every required conference from the strategy discussion on: those booked, each against its
     * timescale, and the next of each kind that is not booked yet.
     */
    public List<ConferenceDue> schedule(LocalDate strategyDiscussion, List<HeldConference> conferences, LocalDate today,
            WorkingDays calendar) {
        var sorted = conferences.stream().sorted(Comparator.comparing(HeldConference::on)).toList();
        var result = new ArrayList<ConferenceDue>();
        HeldConference initial = sorted.stream().filter(c -> c.kind() == ConferenceKind.INITIAL_CHILD_PROTECTION)
                .findFirst().orElse(null);
        if (strategyDiscussion != null) {
            LocalDate due = calendar.plus(strategyDiscussion, initialConferenceWorkingDays);
            String basis = initialConferenceWorkingDays + " working days after the strategy discussion on " + strategyDiscussion;
            result.add(initial == null ? unbooked(ConferenceKind.INITIAL_CHILD_PROTECTION, due, basis, today, calendar)
                    : booked(initial, due, basis));
        }
        if (initial == null) {
            return result;
        }
        LocalDate start = initial.on();
        var reviews = sorted.stream().filter(c -> c.kind() == ConferenceKind.REVIEW_CHILD_PROTECTION && c.on().isAfter(start)).toList();
        LocalDate due = start.plusMonths(firstReviewMonths);
        String basis = firstReviewMonths + " months after the initial conference on " + start;
        for (HeldConference review : reviews) {
            result.add(booked(review, due, basis));
            due = review.on().plusMonths(laterReviewMonths);
            basis = laterReviewMonths + " months after the review on " + review.on();
        }
        result.add(unbooked(ConferenceKind.REVIEW_CHILD_PROTECTION, due, basis, today, calendar));

        var coreGroups = sorted.stream().filter(c -> c.kind() == ConferenceKind.CORE_GROUP && c.on().isAfter(start)).toList();
        due = calendar.plus(start, firstCoreGroupWorkingDays);
        basis = firstCoreGroupWorkingDays + " working days after the initial conference on " + start;
        for (HeldConference group : coreGroups) {
            result.add(booked(group, due, basis));
            due = group.on().plusWeeks(coreGroupWeeks);
            basis = coreGroupWeeks + " weeks after the core group on " + group.on();
        }
        result.add(unbooked(ConferenceKind.CORE_GROUP, due, basis, today, calendar));
        return result;
    }

    private static ConferenceDue booked(HeldConference conference, LocalDate due, String basis) {
        State state = conference.on().isAfter(due) ? State.LATE : State.ON_TIME;
        return new ConferenceDue(conference.kind(), due, basis, state, conference.id(), conference.on(), null);
    }

    private static ConferenceDue unbooked(ConferenceKind kind, LocalDate due, String basis, LocalDate today, WorkingDays calendar) {
        if (today.isAfter(due)) {
            // Too late already: the soonest working day after today.
            return new ConferenceDue(kind, due, basis, State.OVERDUE, null, null, calendar.onOrAfter(today.plusDays(1)));
        }
        // The last working day within the timescale leaves the most time to prepare.
        LocalDate proposed = calendar.onOrBefore(due);
        if (proposed.isBefore(today)) {
            proposed = calendar.onOrAfter(today);
        }
        return new ConferenceDue(kind, due, basis, State.DUE, null, null, proposed);
    }

    private static void requireInRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("The " + what + " must be between " + min + " and " + max + ", not " + value + ".");
        }
    }
}
