package org.roundtable.conference.infrastructure.pdf;

import static org.roundtable.conference.infrastructure.pdf.PlainPdf.day;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.when;

import java.util.List;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.shared.domain.Attendance;
import org.roundtable.shared.domain.SignOffState;
import org.roundtable.shared.domain.Stance;

/**
 * The minutes of a conference as a PDF, written in plain words for the family as much as for
 * the agencies: who came, what was decided, the plan with owners, dates and sign-off, what the
 * family said, and any disagreement; tagged for screen readers (see {@link PlainPdf}).
 */
public final class MinutesPdf {

    private MinutesPdf() {
    }

    public static byte[] render(ConferenceRecordView r) {
        var doc = new PlainPdf("Minutes of the " + kind(r) + " for the " + r.familyName(),
                "Who came, what was decided, the plan, and what the family said.");
        doc.line("Held on " + when(r.scheduledStart()) + ". Chaired by " + r.chairName() + ".");
        doc.strong(r.closed()
                ? "Closed by " + r.closedBy() + " on " + when(r.closedAt()) + ". This record can no longer be changed."
                : "Draft: the conference has not been closed yet, so this may still change.");

        doc.heading("Who came");
        doc.list(r.attendance().stream().map(a -> a.name() + " (" + a.organisation() + "): " + attendance(a.attendance())).toList());

        doc.heading("What was decided");
        if (r.decisions().isEmpty()) {
            doc.line("No decisions were written down.");
        }
        doc.list(r.decisions());

        doc.heading("The plan");
        if (r.plan().isEmpty()) {
            doc.line("The plan has no goals yet.");
        }
        for (var goal : r.plan()) {
            doc.subheading("Goal: " + goal.title());
            if (goal.description() != null) {
                doc.line(goal.description());
            }
            if (goal.actions().isEmpty()) {
                continue;
            }
            doc.table("What will happen for this goal", List.of("What will happen", "Who", "By when", "Signed off"),
                    goal.actions().stream().map(action -> List.of(action.description(), nothing(action.ownerName()),
                            action.dueOn() == null ? "No date" : day(action.dueOn()), signOff(action))).toList());
        }

        doc.heading("What the family said");
        var family = r.statements().stream().filter(s -> s.stance() != Stance.PROFESSIONAL_DISSENT).toList();
        if (family.isEmpty()) {
            doc.line("The family has not recorded its view.");
        }
        for (var s : family) {
            String view = s.stance() == Stance.AGREES ? " agrees with the plan." : " does not agree with the plan.";
            doc.line(s.authorName() + view + (s.words() == null ? "" : " In their words: \"" + s.words() + "\"")
                    + (s.writtenBy() == null ? "" : " (Written by " + s.writtenBy() + ".)"));
        }

        doc.heading("Disagreement from professionals");
        var dissent = r.statements().stream().filter(s -> s.stance() == Stance.PROFESSIONAL_DISSENT).toList();
        if (dissent.isEmpty()) {
            doc.line("No professional recorded dissent.");
        }
        for (var s : dissent) {
            doc.line(s.authorName() + (s.agencyName() == null ? "" : " (" + s.agencyName() + ")") + " disagrees: \"" + s.words() + "\"");
        }

        if (r.viewsBeforeMeeting() != null && !r.viewsBeforeMeeting().isEmpty()) {
            doc.heading("Views sent before the meeting");
            for (var v : r.viewsBeforeMeeting()) {
                doc.line(v.authorName() + (v.words() == null ? "" : ": \"" + v.words() + "\"")
                        + (v.fileName() == null ? "" : " (sent a file: " + v.fileName() + ")"));
            }
        }

        if (!r.privateParts().isEmpty()) {
            doc.heading("Private parts");
            for (var p : r.privateParts()) {
                doc.line("From " + when(p.startedAt()) + (p.endedAt() == null ? "" : " to " + when(p.endedAt()))
                        + ", without " + String.join(", ", p.excludedNames()) + ". "
                        + (p.reason().equals(p.familyText()) ? p.reason() : "Why: " + p.reason()));
                if (p.contentHidden()) {
                    doc.line("You were not present for this part, so what was said is not shown here.");
                }
                for (var c : p.comments()) {
                    doc.line(c.authorName() + ": " + c.body());
                }
            }
        }
        return doc.render();
    }

    private static String nothing(String value) {
        return value == null ? "" : value;
    }

    private static String signOff(ConferenceRecordView.ActionEntry a) {
        if (a.signOff() == SignOffState.SIGNED) {
            return "Signed by " + a.signedBy() + " on " + when(a.signedAt());
        }
        return a.signOff() == SignOffState.NEEDS_NEW_SIGNATURE ? "Changed after signing: needs signing again" : "Not signed";
    }

    private static String attendance(Attendance a) {
        return switch (a) {
            case ATTENDED -> "came";
            case APOLOGIES -> "sent apologies";
            case DID_NOT_ATTEND -> "did not come";
            case NOT_RECORDED -> "not recorded";
        };
    }

    private static String kind(ConferenceRecordView r) {
        return switch (r.kind()) {
            case INITIAL_CHILD_PROTECTION -> "initial child protection conference";
            case REVIEW_CHILD_PROTECTION -> "review child protection conference";
            case CORE_GROUP -> "core group meeting";
            case TEAM_AROUND_THE_FAMILY -> "team around the family meeting";
            case OTHER -> "meeting";
        };
    }

}
