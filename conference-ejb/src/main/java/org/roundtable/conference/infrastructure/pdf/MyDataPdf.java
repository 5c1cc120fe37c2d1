package org.roundtable.conference.infrastructure.pdf;

import static org.roundtable.conference.infrastructure.pdf.PlainPdf.TITLE;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.day;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.heading;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.line;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.when;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.roundtable.conference.application.view.MyDataView;

/** The family's data as a readable PDF, in plain words, section by section. */
public final class MyDataPdf {

    private MyDataPdf() {
    }

    public static byte[] render(MyDataView d) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Everything we hold about the " + d.family().name());
            doc.open();
            doc.add(new Paragraph("Everything we hold about the " + d.family().name(), TITLE));
            line(doc, "Made on " + when(d.generatedAt()) + " for " + d.requestedBy() + ".");

            heading(doc, "Your family");
            for (var m : d.family().members()) {
                line(doc, m.fullName() + (m.dateOfBirth() == null ? "" : ", born " + day(m.dateOfBirth()))
                        + (m.phone() == null ? "" : ". Phone: " + m.phone()) + (m.email() == null ? "" : ". Email: " + m.email())
                        + (m.address() == null ? "" : ". Address: " + m.address())
                        + (m.preferredLanguage() == null ? "" : ". Language: " + m.preferredLanguage())
                        + (m.accessNeeds() == null ? "" : ". Access needs: " + m.accessNeeds()) + ".");
            }
            if (d.family().messageToWorkers() != null) {
                line(doc, "What you want every worker to know: " + d.family().messageToWorkers());
            }

            heading(doc, "Who works with you");
            for (var i : d.family().involvements()) {
                line(doc, i.agencyName() + ", with " + i.leadPractitionerName() + ", since " + day(i.startsOn()) + ".");
            }

            heading(doc, "Your plan");
            for (var g : d.plan().goals()) {
                line(doc, "Goal: " + g.title());
                for (var a : g.actions()) {
                    line(doc, "  • " + a.description() + ". Who: " + a.ownerName() + ". By: "
                            + (a.dueOn() == null ? "no date" : day(a.dueOn())) + ".");
                }
            }

            heading(doc, "Conferences");
            for (var c : d.conferences()) {
                line(doc, when(c.scheduledStart()) + ": " + c.kind().name().toLowerCase().replace('_', ' ')
                        + (c.closed() ? " (closed)" : "") + ". Decisions: " + (c.decisions().isEmpty() ? "none written down" : String.join("; ", c.decisions())) + ".");
                // The family's copy carries what the family was told about each private part, never the professionals' reason.
                for (var p : c.privateParts()) {
                    line(doc, "Part of this meeting was held without some people. " + p.familyText());
                }
            }

            heading(doc, "Contacts with agencies");
            for (var c : d.contacts()) {
                line(doc, day(c.happenedOn()) + ", " + c.agencyName() + ", " + c.kind().name().toLowerCase() + ": " + c.summary());
            }

            heading(doc, "Changes to your details");
            for (var c : d.detailChanges()) {
                line(doc, when(c.changedAt()) + ": " + c.changedByName() + " changed " + c.fieldName() + " from \""
                        + nothing(c.oldValue()) + "\" to \"" + nothing(c.newValue()) + "\".");
            }

            heading(doc, "Who your information was shared with against your wishes");
            if (d.sharing().ledger().isEmpty()) {
                line(doc, "Nobody.");
            }
            for (var e : d.sharing().ledger()) {
                line(doc, when(e.decidedAt()) + ": " + e.decidedByName() + " shared " + e.what() + " with " + e.agencyName()
                        + ". Why: " + e.reason());
            }

            heading(doc, "Who looked at your record");
            for (var a : d.accessLog()) {
                line(doc, when(a.at()) + ": " + a.staffName() + " (" + a.agencyName() + ") looked at " + a.what()
                        + (a.purpose() == null ? "." : ", to " + a.purpose() + "."));
            }

            heading(doc, "Reports shared with you");
            for (var r : d.reports()) {
                line(doc, r.agencyName() + ": " + r.fileName() + ", shared " + when(r.sharedAt()) + ".");
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The data could not be written as a PDF", e);
        }
        return out.toByteArray();
    }

    private static String nothing(String value) {
        return value == null ? "nothing" : value;
    }

}
