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
import org.roundtable.shared.domain.InviteeRole;

public record ConferenceView(UUID id, UUID familyId, String familyName, ConferenceKind kind, Instant scheduledStart,
        UUID chairId, String chairName, ConferenceStatus status, List<InviteeView> invitees,
        List<AgendaItemView> agenda) {

    public record InviteeView(UUID id, InviteeRole role, CallerKind personKind, UUID personId, String name) {

        public static InviteeView of(Invitee i) {
            return new InviteeView(i.id(), i.role(), i.personKind(), i.personId(), i.displayName());
        }
    }

    public record AgendaItemView(UUID id, int position, String title, String notes) {

        public static AgendaItemView of(AgendaItem item) {
            return new AgendaItemView(item.id(), item.position(), item.title(), item.notes());
        }
    }

    public static ConferenceView of(Conference c) {
        return new ConferenceView(c.id(), c.family().id(), c.family().name(), c.kind(), c.scheduledStart(),
                c.chair().id(), c.chair().fullName(), c.status(),
                c.invitees().stream().map(InviteeView::of).toList(),
                c.agenda().stream().map(AgendaItemView::of).toList());
    }
}
