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
        List<PrivatePartEntry> privateParts, List<ViewsEntry> viewsBeforeMeeting) {

    public record AttendeeEntry(UUID inviteeId, String name, InviteeRole role, String organisation, Attendance attendance) {
    }

    public record GoalEntry(String title, String description, List<ActionEntry> actions) {
    }

    public record ActionEntry(UUID actionId, String description, String ownerName, LocalDate dueOn, ActionStatus status,
            SignOffState signOff, String signedBy, Instant signedAt) {
    }

    /**
     * authorName is whose views they are; writtenBy, when someone wrote them for that person ("Dee
     * Walker, advocate, for Jess Taylor", in English), and writtenByAdvocate that advocate's name,
     * so each reader's copy says it in their language (null in records frozen before it was kept).
     */
    public record StatementEntry(Stance stance, String words, String authorName, String agencyName, Instant recordedAt, String writtenBy,
            String writtenByAdvocate) {
    }

    /**
     * A private part. reason is the professionals' own; familyText is what the family is told, and
     * replaces the reason in every copy a family member or advocate reads.
     */
    public record PrivatePartEntry(UUID id, String reason, String familyText, Instant startedAt, Instant endedAt,
            List<UUID> excludedInviteeIds, List<String> excludedNames, boolean contentHidden, List<CommentEntry> comments) {

        /** For someone kept out of it: that it happened, and nothing said in it. */
        public PrivatePartEntry hidden() {
            return new PrivatePartEntry(id, reason, familyText, startedAt, endedAt, excludedInviteeIds, excludedNames, true, List.of());
        }

        /** For the family: the reason is replaced by what the family is told. */
        public PrivatePartEntry forFamily() {
            String told = familyText == null ? org.roundtable.conference.domain.model.room.PrivatePart.DEFAULT_FAMILY_TEXT : familyText;
            return new PrivatePartEntry(id, told, told, startedAt, endedAt, excludedInviteeIds, excludedNames, contentHidden, comments);
        }
    }

    /** Views an invitee sent before the meeting (a file is named, its bytes stay with the chair). */
    public record ViewsEntry(String authorName, String words, String fileName, Instant sentAt) {
    }

    public record CommentEntry(String authorName, String body, Instant at) {
    }

    /** The same record, with private content removed from the parts the viewer was not present for. */
    public ConferenceRecordView forViewer(UUID viewerInviteeId) {
        return forViewer(viewerInviteeId, false);
    }

    /**
     * As above; for a family member or advocate (family = true) each private part's reason is
     * replaced by what the family is told, whether or not they were present.
     */
    public ConferenceRecordView forViewer(UUID viewerInviteeId, boolean family) {
        var parts = (privateParts == null ? List.<PrivatePartEntry>of() : privateParts).stream()
                .map(p -> viewerInviteeId == null || p.excludedInviteeIds().contains(viewerInviteeId) ? p.hidden() : p)
                .map(p -> family ? p.forFamily() : p).toList();
        return new ConferenceRecordView(conferenceId, familyId, familyName, kind, scheduledStart, chairName, closed, closedAt,
                closedBy, planRevision, attendance, decisions, plan, statements, parts,
                viewsBeforeMeeting == null ? List.of() : viewsBeforeMeeting);
    }
}
