package org.roundtable.conference.infrastructure.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.application.view.MyDataView;

/** The family's data as a readable PDF, in plain words, section by section. */
public final class MyDataPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 11);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ClockProducer.LOCAL_ZONE);

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
                line(doc, m.fullName() + (m.dateOfBirth() == null ? "" : ", born " + DAY.format(m.dateOfBirth()))
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
                line(doc, i.agencyName() + ", with " + i.leadPractitionerName() + ", since " + DAY.format(i.startsOn()) + ".");
            }

            heading(doc, "Your plan");
            for (var g : d.plan().goals()) {
                line(doc, "Goal: " + g.title());
                for (var a : g.actions()) {
                    line(doc, "  • " + a.description() + ". Who: " + a.ownerName() + ". By: "
                            + (a.dueOn() == null ? "no date" : DAY.format(a.dueOn())) + ".");
                }
            }

            heading(doc, "Conferences");
            for (var c : d.conferences()) {
                line(doc, when(c.scheduledStart()) + ": " + c.kind().name().toLowerCase().replace('_', ' ')
                        + (c.closed() ? " (closed)" : "") + ". Decisions: " + (c.decisions().isEmpty() ? "none written down" : String.join("; ", c.decisions())) + ".");
            }

            heading(doc, "Contacts with agencies");
            for (var c : d.contacts()) {
                line(doc, DAY.format(c.happenedOn()) + ", " + c.agencyName() + ", " + c.kind().name().toLowerCase() + ": " + c.summary());
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

    private static void heading(Document doc, String text) {
        var p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static void line(Document doc, String text) {
        doc.add(new Paragraph(text, BODY));
    }

    private static String nothing(String value) {
        return value == null ? "nothing" : value;
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
