package org.roundtable.conference.application.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.domain.model.conference.AgendaItem;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InvitationStatus;
import org.roundtable.shared.domain.InviteeRole;

/**
 * A conference as its page shows it. Each invitee's invitation status is shown to everyone who
 * sees the conference; why someone cannot come and the help they need only to the chair (and
 * to the person themselves).
 */
public record ConferenceView(UUID id, UUID familyId, String familyName, ConferenceKind kind, Instant scheduledStart,
        UUID chairId, String chairName, ConferenceStatus status, String venue, String joinLink, String dialIn,
        String cancelReason, List<InviteeView> invitees, List<AgendaItemView> agenda) {

    public record InviteeView(UUID id, InviteeRole role, CallerKind personKind, UUID personId, String name,
            InvitationStatus invitation, String cantComeReason, String interpreterLanguage, String accessNeeds) {

        public static InviteeView of(Invitee i, boolean withAnswers) {
            return new InviteeView(i.id(), i.role(), i.personKind(), i.personId(), i.displayName(), i.status(),
                    withAnswers ? i.cantComeReason() : null, withAnswers ? i.interpreterLanguage() : null,
                    withAnswers ? i.accessNeeds() : null);
        }
    }

    public record AgendaItemView(UUID id, int position, String title, String notes) {

        public static AgendaItemView of(AgendaItem item) {
            return new AgendaItemView(item.id(), item.position(), item.title(), item.notes());
        }
    }

    /** As the chair sees it: every invitee's answers. */
    public static ConferenceView of(Conference c) {
        return of(c, null);
    }

    /** As one viewer sees it: answers only for the chair, and each person's own. */
    public static ConferenceView of(Conference c, org.roundtable.conference.domain.model.access.Caller viewer) {
        boolean chair = viewer == null || (viewer.isStaff() && c.isChairedBy(viewer.id()));
        return new ConferenceView(c.id(), c.family().id(), c.family().name(), c.kind(), c.scheduledStart(),
                c.chair().id(), c.chair().fullName(), c.status(), c.venue(), c.joinLink(), c.dialIn(), c.cancelReason(),
                c.invitees().stream().map(i -> InviteeView.of(i, chair || (viewer != null && i.is(viewer.kind(), viewer.id())))).toList(),
                c.agenda().stream().map(AgendaItemView::of).toList());
    }
}
