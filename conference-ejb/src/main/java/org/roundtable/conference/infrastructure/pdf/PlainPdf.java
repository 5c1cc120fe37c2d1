package org.roundtable.conference.infrastructure.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.roundtable.conference.application.ClockProducer;

/** What Roundtable's PDFs share: large plain type, the same headings, and dates written out in words. */
final class PlainPdf {

    static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    static final Font HEADING = new Font(Font.HELVETICA, 14, Font.BOLD);
    static final Font BODY = new Font(Font.HELVETICA, 11);
    static final Font BOLD = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ClockProducer.LOCAL_ZONE);

    private PlainPdf() {
    }

    static void heading(Document doc, String text) {
        var p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    static void line(Document doc, String text) {
        doc.add(new Paragraph(text, BODY));
    }

    /** "26 November 2026 at 10:00", in the agencies' time zone. */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** "26 November 2026". */
    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
