package org.roundtable.conference.infrastructure.pdf;

import static org.roundtable.conference.infrastructure.pdf.PlainPdf.BODY;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.BOLD;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.TITLE;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.day;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.heading;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.when;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.shared.domain.Attendance;
import org.roundtable.shared.domain.SignOffState;
import org.roundtable.shared.domain.Stance;

/**
 * The minutes of a conference as a PDF, written in plain words for the family as much as for
 * the agencies: who came, what was decided, the plan with owners, dates and sign-off, what the
 * family said, and any disagreement.
 */
public final class MinutesPdf {

    private MinutesPdf() {
    }

    public static byte[] render(ConferenceRecordView r) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Minutes: " + r.familyName());
            doc.open();
            doc.add(new Paragraph("Minutes of the " + kind(r) + " for the " + r.familyName(), TITLE));
            doc.add(new Paragraph("Held on " + when(r.scheduledStart()) + ". Chaired by " + r.chairName() + ".", BODY));
            doc.add(new Paragraph(r.closed()
                    ? "Closed by " + r.closedBy() + " on " + when(r.closedAt()) + ". This record can no longer be changed."
                    : "Draft: the conference has not been closed yet, so this may still change.", BOLD));

            heading(doc, "Who came");
            for (var a : r.attendance()) {
                doc.add(new Paragraph(a.name() + " (" + a.organisation() + "): " + attendance(a.attendance()), BODY));
            }

            heading(doc, "What was decided");
            if (r.decisions().isEmpty()) {
                doc.add(new Paragraph("No decisions were written down.", BODY));
            }
            for (String decision : r.decisions()) {
                doc.add(new Paragraph("• " + decision, BODY));
            }

            heading(doc, "The plan");
            if (r.plan().isEmpty()) {
                doc.add(new Paragraph("The plan has no goals yet.", BODY));
            }
            for (var goal : r.plan()) {
                doc.add(new Paragraph("Goal: " + goal.title(), BOLD));
                if (goal.description() != null) {
                    doc.add(new Paragraph(goal.description(), BODY));
                }
                if (goal.actions().isEmpty()) {
                    continue;
                }
                var table = new PdfPTable(new float[] {4, 2, 1.5f, 2.5f});
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                table.setSpacingAfter(8);
                for (String h : new String[] {"What will happen", "Who", "By when", "Signed off"}) {
                    table.addCell(cell(h, BOLD));
                }
                for (var action : goal.actions()) {
                    table.addCell(cell(action.description(), BODY));
                    table.addCell(cell(action.ownerName(), BODY));
                    table.addCell(cell(action.dueOn() == null ? "No date" : day(action.dueOn()), BODY));
                    table.addCell(cell(signOff(action), BODY));
                }
                doc.add(table);
            }

            heading(doc, "What the family said");
            var family = r.statements().stream().filter(s -> s.stance() != Stance.PROFESSIONAL_DISSENT).toList();
            if (family.isEmpty()) {
                doc.add(new Paragraph("The family has not recorded its view.", BODY));
            }
            for (var s : family) {
                String view = s.stance() == Stance.AGREES ? " agrees with the plan." : " does not agree with the plan.";
                doc.add(new Paragraph(s.authorName() + view + (s.words() == null ? "" : " In their words: \"" + s.words() + "\"")
                        + (s.writtenBy() == null ? "" : " (Written by " + s.writtenBy() + ".)"), BODY));
            }

            heading(doc, "Disagreement from professionals");
            var dissent = r.statements().stream().filter(s -> s.stance() == Stance.PROFESSIONAL_DISSENT).toList();
            if (dissent.isEmpty()) {
                doc.add(new Paragraph("No professional recorded dissent.", BODY));
            }
            for (var s : dissent) {
                doc.add(new Paragraph(s.authorName() + (s.agencyName() == null ? "" : " (" + s.agencyName() + ")")
                        + " disagrees: \"" + s.words() + "\"", BODY));
            }

            if (r.viewsBeforeMeeting() != null && !r.viewsBeforeMeeting().isEmpty()) {
                heading(doc, "Views sent before the meeting");
                for (var v : r.viewsBeforeMeeting()) {
                    doc.add(new Paragraph(v.authorName() + (v.words() == null ? "" : ": \"" + v.words() + "\"")
                            + (v.fileName() == null ? "" : " (sent a file: " + v.fileName() + ")"), BODY));
                }
            }

            if (!r.privateParts().isEmpty()) {
                heading(doc, "Private parts");
                for (var p : r.privateParts()) {
                    doc.add(new Paragraph("From " + when(p.startedAt()) + (p.endedAt() == null ? "" : " to " + when(p.endedAt()))
                            + ", without " + String.join(", ", p.excludedNames()) + ". "
                            + (p.reason().equals(p.familyText()) ? p.reason() : "Why: " + p.reason()), BODY));
                    if (p.contentHidden()) {
                        doc.add(new Paragraph("You were not present for this part, so what was said is not shown here.", BODY));
                    }
                    for (var c : p.comments()) {
                        doc.add(new Paragraph(c.authorName() + ": " + c.body(), BODY));
                    }
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The minutes could not be written as a PDF", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
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
