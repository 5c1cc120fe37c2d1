package org.roundtable.conference.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.Attendance;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.SignOffState;
import org.roundtable.shared.domain.Stance;

/**
 * A conference's record: who came, what was decided, the plan with its sign-off, what the
 * family said, dissent, and private parts. Frozen when the conference closes (closed = true);
 * before that, a draft of how it stands. The content of a private part is only in the copy
 * given to someone who was present for it.
 */
public record ConferenceRecordView(UUID conferenceId, UUID familyId, String familyName, ConferenceKind kind,
        Instant scheduledStart, String chairName, boolean closed, Instant closedAt, String closedBy, long planRevision,
        List<AttendeeEntry> attendance, List<String> decisions, List<GoalEntry> plan, List<StatementEntry> statements,
        List<PrivatePartEntry> privateParts) {

    public record AttendeeEntry(UUID inviteeId, String name, InviteeRole role, String organisation, Attendance attendance) {
    }

    public record GoalEntry(String title, String description, List<ActionEntry> actions) {
    }

    public record ActionEntry(UUID actionId, String description, String ownerName, LocalDate dueOn, ActionStatus status,
            SignOffState signOff, String signedBy, Instant signedAt) {
    }

    public record StatementEntry(Stance stance, String words, String authorName, String agencyName, Instant recordedAt) {
    }

    public record PrivatePartEntry(UUID id, String reason, Instant startedAt, Instant endedAt, List<UUID> excludedInviteeIds,
            List<String> excludedNames, boolean contentHidden, List<CommentEntry> comments) {

        public PrivatePartEntry hidden() {
            return new PrivatePartEntry(id, reason, startedAt, endedAt, excludedInviteeIds, excludedNames, true, List.of());
        }
    }

    public record CommentEntry(String authorName, String body, Instant at) {
    }

    /** The same record, with private content removed from the parts the viewer was not present for. */
    public ConferenceRecordView forViewer(UUID viewerInviteeId) {
        var parts = privateParts.stream()
                .map(p -> viewerInviteeId == null || p.excludedInviteeIds().contains(viewerInviteeId) ? p.hidden() : p).toList();
        return new ConferenceRecordView(conferenceId, familyId, familyName, kind, scheduledStart, chairName, closed, closedAt,
                closedBy, planRevision, attendance, decisions, plan, statements, parts);
    }
}
