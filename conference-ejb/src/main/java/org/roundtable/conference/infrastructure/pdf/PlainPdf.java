package org.roundtable.conference.infrastructure.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.roundtable.conference.domain.model.ServiceZone;
import org.roundtable.conference.domain.model.room.PrivatePart;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.text.Texts;

/**
 * What Roundtable's PDFs share: large plain type, the same headings, dates written out in words,
 * and tags a screen reader follows (PDF/UA: headings, paragraphs, lists and tables in reading
 * order, the language, and the title shown in the window). The content is written as plain
 * HTML and laid out by openhtmltopdf, which builds the structure tree from it
 * (docs/decisions/0012-tagged-pdfs.md).
 */
public final class PlainPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ServiceZone.LOCAL);
    private static final String FONT = "DejaVu Sans";
    private static final String STYLE = """
            @page { size: A4; margin: 15mm; }
            body { font-family: 'DejaVu Sans'; font-size: 11pt; line-height: 1.4; color: #000; }
            h1 { font-size: 18pt; margin: 0 0 8pt 0; }
            h2 { font-size: 14pt; margin: 14pt 0 4pt 0; }
            h3 { font-size: 12pt; margin: 10pt 0 4pt 0; }
            p { margin: 0 0 4pt 0; }
            ul { margin: 0 0 4pt 0; padding-left: 14pt; }
            table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; }
            caption { text-align: left; font-weight: bold; padding-bottom: 2pt; }
            th, td { border: 1px solid #000; padding: 4pt; text-align: left; vertical-align: top; }
            .strong { font-weight: bold; }
            """;

    private final String title;
    private final Language language;
    private final String description;
    private final StringBuilder body = new StringBuilder();

    /** A document whose window title, and whose only first-level heading, is title; description says what it is for. */
    public PlainPdf(String title, String description) {
        this(title, description, Language.ENGLISH);
    }

    /** A document in this language: its lang (which a screen reader speaks it in) and its dates. */
    public PlainPdf(String title, String description, Language language) {
        this.title = title;
        this.description = description;
        this.language = language;
        body.append("<h1>").append(escape(title)).append("</h1>");
    }

    public PlainPdf heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>");
        return this;
    }

    public PlainPdf subheading(String text) {
        body.append("<h3>").append(escape(text)).append("</h3>");
        return this;
    }

    public PlainPdf line(String text) {
        body.append("<p>").append(escape(text)).append("</p>");
        return this;
    }

    public PlainPdf strong(String text) {
        body.append("<p class=\"strong\">").append(escape(text)).append("</p>");
        return this;
    }

    /** A bulleted list, tagged as a list, so a reader hears how many items there are. */
    public PlainPdf list(List<String> items) {
        if (items.isEmpty()) {
            return this;
        }
        body.append("<ul>");
        items.forEach(i -> body.append("<li>").append(escape(i)).append("</li>"));
        body.append("</ul>");
        return this;
    }

    /** A table with a caption and header cells, so a reader hears the column with each cell. */
    public PlainPdf table(String caption, List<String> headers, List<List<String>> rows) {
        body.append("<table><caption>").append(escape(caption)).append("</caption><thead><tr>");
        headers.forEach(h -> body.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        body.append("</tr></thead><tbody>");
        for (var row : rows) {
            body.append("<tr>");
            row.forEach(cell -> body.append("<td>").append(escape(cell)).append("</td>"));
            body.append("</tr>");
        }
        body.append("</tbody></table>");
        return this;
    }

    public byte[] render() {
        String html = "<!DOCTYPE html><html lang=\"" + language.code() + "-GB\"><head><meta charset=\"UTF-8\"/><title>" + escape(title)
                + "</title><meta name=\"author\" content=\"Roundtable\"/><meta name=\"description\" content=\"" + escape(description)
                + "\"/><style>" + STYLE + "</style></head><body>" + body
                + "</body></html>";
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            // Nothing outside the document is ever fetched: the content is the family's own.
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withHtmlContent(html, null);
            builder.withProducer("Roundtable");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        return PlainPdf.class.getResourceAsStream("/fonts/" + file);
    }

    /** Text as XHTML text: the renderer parses the page as XML, and nothing typed may become markup. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // Characters XML cannot carry (control characters) are dropped rather than failing the document.
                    if (c == '\n' || c == '\t' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** "26 November 2026 at 10:00", in the agencies' time zone. */
    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** "26 November 2026". */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** "26 November 2026 at 10:00", or "26 Tachwedd 2026 am 10:00", in the agencies' time zone. */
    public static String when(Instant instant, Texts words) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(words.get("pdf.when"), words.language().locale())
                .withZone(ServiceZone.LOCAL).format(instant);
    }

    /** "26 November 2026", or "26 Tachwedd 2026". */
    public static String day(LocalDate day, Texts words) {
        return day == null ? "" : DateTimeFormatter.ofPattern(words.get("pdf.day"), words.language().locale()).format(day);
    }

    /**
     * What the family was told about a private part. The chair's own words stay as written; the
     * default wording (stored in English, older rows too) is given in the reader's language.
     */
    public static String toldTheFamily(String told, Texts words) {
        return PrivatePart.DEFAULT_FAMILY_TEXT.equals(told) ? words.get("privatePart.defaultFamilyText") : told;
    }
}
