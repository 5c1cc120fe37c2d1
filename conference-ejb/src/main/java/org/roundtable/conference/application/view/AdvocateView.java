package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.AdvocateAssignment;

public record AdvocateView(UUID assignmentId, UUID advocateId, String fullName, String email, String organisation,
        LocalDate startsOn, LocalDate endsOn, boolean emailPending) {

    public static AdvocateView of(AdvocateAssignment a) {
        return of(a, false);
    }

    /** emailPending: the advocate's sign-in address waits for them to confirm it. */
    public static AdvocateView of(AdvocateAssignment a, boolean emailPending) {
        var advocate = a.advocate();
        return new AdvocateView(a.id(), advocate.id(), advocate.fullName(), advocate.email(), advocate.organisation(),
                a.period().startsOn(), a.period().endsOn(), emailPending);
    }
}
