package org.roundtable.conference.domain.model.family;

import java.time.LocalDate;
import org.roundtable.conference.domain.model.DomainRuleViolation;

/** From one day to another, both included; an open end means "until further notice". */
public record Period(LocalDate startsOn, LocalDate endsOn) {

    public Period {
        if (startsOn == null) {
            throw new DomainRuleViolation("A start date is needed.");
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new DomainRuleViolation("The end date cannot be before the start date.");
        }
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
