package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reports reach the family: a PDF that would run code or open something when read is refused. */
class ReportPdfTest {

    private static byte[] pdf(Consumer<PdfWriter> extra) {
        var out = new ByteArrayOutputStream();
        var document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        extra.accept(writer);
        document.add(new Paragraph("Report for the conference"));
        document.close();
        return out.toByteArray();
    }

    private static void assertRefusedAsActive(byte[] content) {
        var refused = assertThrows(InvalidInput.class, () -> ReportPdf.require(content));
        assertEquals(ReportPdf.ACTIVE, refused.getMessage());
        assertEquals("file", refused.field());
    }

    @Test
    void a_pdf_that_runs_javascript_when_opened_is_refused() {
        assertRefusedAsActive(pdf(w -> w.setOpenAction(PdfAction.javaScript("app.alert('hello');", w))));
    }

    @Test
    void a_pdf_with_document_level_javascript_is_refused() {
        assertRefusedAsActive(pdf(w -> w.addJavaScript("this.print();")));
    }

    @Test
    void a_pdf_that_launches_a_program_is_refused() {
        assertRefusedAsActive(pdf(w -> w.setOpenAction(new PdfAction("calc.exe", null, null, null))));
    }

    @Test
    void a_pdf_with_an_action_on_an_event_is_refused() {
        assertRefusedAsActive(pdf(w -> {
            try {
                w.setAdditionalAction(PdfWriter.DOCUMENT_CLOSE, PdfAction.javaScript("app.alert('bye');", w));
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void a_pdf_carrying_an_embedded_file_is_refused() {
        assertRefusedAsActive(pdf(w -> {
            try {
                w.addFileAttachment("payload", PdfFileSpecification.fileEmbedded(w, null, "run.bat",
                        "echo hi".getBytes(StandardCharsets.US_ASCII)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void an_escaped_name_does_not_hide_javascript() {
        String plain = new String(pdf(w -> w.setOpenAction(PdfAction.javaScript("app.alert(1);", w))), StandardCharsets.ISO_8859_1);
        String hidden = plain.replace("/JavaScript", "/J#61vaScript").replace("/JS ", "/J#53 ");
        assertRefusedAsActive(hidden.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void a_plain_report_and_one_that_opens_at_its_first_page_are_accepted() {
        assertDoesNotThrow(() -> ReportPdf.require(pdf(w -> { })));
        assertDoesNotThrow(() -> ReportPdf.require(pdf(w -> w.setOpenAction(new PdfAction(PdfAction.FIRSTPAGE)))));
    }

    @Test
    void a_file_that_is_not_a_pdf_is_told_so() {
        var refused = assertThrows(InvalidInput.class, () -> ReportPdf.require("hello".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ReportPdf.NOT_A_PDF, refused.getMessage());
    }
}
