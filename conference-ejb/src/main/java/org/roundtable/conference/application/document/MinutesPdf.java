package org.roundtable.conference.application.document;

import static org.roundtable.conference.infrastructure.pdf.PlainPdf.day;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.when;
import static org.roundtable.conference.infrastructure.text.Texts.values;

import java.util.List;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.pdf.PlainPdf;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.SignOffState;
import org.roundtable.shared.domain.Stance;

/**
 * The minutes of a conference as a PDF, written in plain words for the family as much as for
 * the agencies: who came, what was decided, the plan with owners, dates and sign-off, what the
 * family said, and any disagreement; tagged for screen readers (see {@link PlainPdf}); in the
 * reader's language (what people wrote stays as they wrote it).
 */
public final class MinutesPdf {

    private MinutesPdf() {
    }

    public static byte[] render(ConferenceRecordView r) {
        return render(r, Language.ENGLISH);
    }

    public static byte[] render(ConferenceRecordView r, Language language) {
        var w = Texts.of("pdf-texts", language);
        var doc = new PlainPdf(w.fill("minutes.title", values("kind", w.get("minutes.kind." + r.kind().name()), "family", r.familyName())),
                w.get("minutes.description"), language);
        doc.line(w.fill("minutes.held", values("when", when(r.scheduledStart(), w), "chair", r.chairName())));
        doc.strong(r.closed()
                ? w.fill("minutes.closed", values("name", r.closedBy(), "when", when(r.closedAt(), w)))
                : w.get("minutes.draft"));

        doc.heading(w.get("minutes.whoCame"));
        doc.list(r.attendance().stream().map(a -> w.fill("minutes.attendee", values("name", a.name(),
                "organisation", a.role() == InviteeRole.FAMILY_MEMBER && "Family".equals(a.organisation()) ? w.get("minutes.family") : a.organisation(),
                "attendance", w.get("minutes.attendance." + a.attendance().name())))).toList());

        doc.heading(w.get("minutes.decided"));
        if (r.decisions().isEmpty()) {
            doc.line(w.get("minutes.noDecisions"));
        }
        doc.list(r.decisions());

        doc.heading(w.get("minutes.plan"));
        if (r.plan().isEmpty()) {
            doc.line(w.get("minutes.noGoals"));
        }
        for (var goal : r.plan()) {
            doc.subheading(w.fill("myData.goal", values("title", goal.title())));
            if (goal.description() != null) {
                doc.line(goal.description());
            }
            if (goal.actions().isEmpty()) {
                continue;
            }
            doc.table(w.get("minutes.tableCaption"),
                    List.of(w.get("minutes.whatWillHappen"), w.get("minutes.who"), w.get("minutes.byWhen"), w.get("minutes.signedOff")),
                    goal.actions().stream().map(action -> List.of(action.description(), nothing(action.ownerName()),
                            action.dueOn() == null ? w.get("minutes.noDate") : day(action.dueOn(), w), signOff(action, w))).toList());
        }

        doc.heading(w.get("minutes.familySaid"));
        var family = r.statements().stream().filter(s -> s.stance() != Stance.PROFESSIONAL_DISSENT).toList();
        if (family.isEmpty()) {
            doc.line(w.get("minutes.noFamilyView"));
        }
        for (var s : family) {
            doc.line(w.fill(s.stance() == Stance.AGREES ? "minutes.agrees" : "minutes.disagrees", values("name", s.authorName()))
                    + (s.words() == null ? "" : w.fill("minutes.inTheirWords", values("words", s.words())))
                    + writtenBy(s, w));
        }

        doc.heading(w.get("minutes.dissentHeading"));
        var dissent = r.statements().stream().filter(s -> s.stance() == Stance.PROFESSIONAL_DISSENT).toList();
        if (dissent.isEmpty()) {
            doc.line(w.get("minutes.noDissent"));
        }
        for (var s : dissent) {
            doc.line(w.fill("minutes.dissent", values("name", s.authorName() + (s.agencyName() == null ? "" : " (" + s.agencyName() + ")"),
                    "words", String.valueOf(s.words()))));
        }

        if (r.viewsBeforeMeeting() != null && !r.viewsBeforeMeeting().isEmpty()) {
            doc.heading(w.get("minutes.viewsBefore"));
            for (var v : r.viewsBeforeMeeting()) {
                doc.line(v.authorName() + (v.words() == null ? "" : w.fill("minutes.viewWords", values("words", v.words())))
                        + (v.fileName() == null ? "" : w.fill("minutes.viewFile", values("file", v.fileName()))));
            }
        }

        if (!r.privateParts().isEmpty()) {
            doc.heading(w.get("minutes.privateParts"));
            for (var p : r.privateParts()) {
                doc.line(w.fill("minutes.privateFrom", values("start", when(p.startedAt(), w)))
                        + (p.endedAt() == null ? "" : w.fill("minutes.privateTo", values("end", when(p.endedAt(), w))))
                        + w.fill("minutes.privateWithout", values("names", String.join(", ", p.excludedNames())))
                        + (p.reason().equals(p.familyText()) ? PlainPdf.toldTheFamily(p.reason(), w) : w.fill("minutes.why", values("reason", p.reason()))));
                if (p.contentHidden()) {
                    doc.line(w.get("minutes.notPresent"));
                }
                for (var c : p.comments()) {
                    doc.line(c.authorName() + ": " + c.body());
                }
            }
        }
        return doc.render();
    }

    /**
     * Views an advocate wrote for a family member, said so in the reader's language. A record frozen
     * before the advocate's name was kept apart carries only the English sentence, shown as it is.
     */
    private static String writtenBy(ConferenceRecordView.StatementEntry s, Texts w) {
        if (s.writtenByAdvocate() != null) {
            return w.fill("minutes.writtenByFor", values("advocate", s.writtenByAdvocate(), "member", s.authorName()));
        }
        return s.writtenBy() == null ? "" : w.fill("minutes.writtenBy", values("name", s.writtenBy()));
    }

    private static String nothing(String value) {
        return value == null ? "" : value;
    }

    private static String signOff(ConferenceRecordView.ActionEntry a, Texts w) {
        if (a.signOff() == SignOffState.SIGNED) {
            return w.fill("minutes.signedBy", values("name", a.signedBy(), "when", when(a.signedAt(), w)));
        }
        return a.signOff() == SignOffState.NEEDS_NEW_SIGNATURE ? w.get("minutes.needsSigning") : w.get("minutes.notSigned");
    }
}
