package org.roundtable.conference.infrastructure.chart;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.record.ContactPattern.Timeline;

/**
 * Contacts per agency per month as an SVG bar chart, drawn on the server so the browser needs
 * no chart library and no build step. Made to be read on a 360 px phone: 320 units wide, so its
 * 13-unit text is at least 13 px wherever it fits without shrinking; a row per month, newest
 * first, each with its total written after the bar; each agency has a colour, a pattern (stripes,
 * dots, lines...) and a number in its key, so agencies differ without colour too. Accessible: it
 * has a title and a description, and every bar has a title with its numbers. Its words (month
 * names, titles, the description) are in the reader's language, from the {@code chart-texts}
 * catalogue, and the SVG says which ({@code lang}), so a screen reader speaks them right.
 */
public final class ContactChart {

    /** Colours with enough contrast on white, from the GOV.UK palette. */
    private static final String[] COLOURS = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#5694ca", "#912b88", "#28a197"};
    /** White marks drawn over each colour, so the agencies differ in shape as well as colour. */
    private static final String[] PATTERNS = {
        "",
        "<path d=\"M0 8 L8 0\" stroke=\"#fff\" stroke-width=\"2\"/>",
        "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\"/>",
        "<path d=\"M0 4 H8\" stroke=\"#fff\" stroke-width=\"2\"/>",
        "<path d=\"M0 0 L8 8 M8 0 L0 8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
        "<path d=\"M4 0 V8\" stroke=\"#fff\" stroke-width=\"2\"/>",
        "<path d=\"M0 0 L8 8\" stroke=\"#fff\" stroke-width=\"2\"/>",
        "<rect x=\"2\" y=\"2\" width=\"4\" height=\"4\" fill=\"#fff\"/>",
    };
    static final int WIDTH = 320;
    static final int FONT = 13;
    // Room for Welsh's longest short month, "Chwef 2026", before the bars and the counts.
    private static final int LABEL = 86;
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int TOP = 8;

    private ContactChart() {
    }

    public static String svg(Timeline timeline, Language language) {
        var words = Texts.of("chart-texts", language);
        List<String> agencies = new ArrayList<>(timeline.perAgency().keySet());
        int months = timeline.months().size();
        int max = 1;
        int[] totals = new int[months];
        for (int m = 0; m < months; m++) {
            for (int[] counts : timeline.perAgency().values()) {
                totals[m] += counts[m];
            }
            max = Math.max(max, totals[m]);
        }
        int barArea = WIDTH - LABEL - 34;
        int legendTop = TOP + months * ROW + 14;
        int height = legendTop + agencies.size() * 24 + 4;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" lang=\"").append(language.code()).append("\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" font-family=\"Arial, sans-serif\" font-size=\"").append(FONT).append("\">");
        svg.append("<title id=\"chart-title\">").append(escape(words.get("chart.title"))).append("</title>");
        svg.append("<desc id=\"chart-desc\">").append(escape(description(timeline, words))).append("</desc>");
        svg.append("<defs>");
        for (int a = 0; a < agencies.size(); a++) {
            svg.append("<pattern id=\"contact-agency-").append(a).append("\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">")
                    .append("<rect width=\"8\" height=\"8\" fill=\"").append(COLOURS[a % COLOURS.length]).append("\"/>")
                    .append(PATTERNS[a % PATTERNS.length]).append("</pattern>");
        }
        svg.append("</defs>");
        // Newest month first: on a phone the months with contacts come before the quiet ones.
        for (int row = 0; row < months; row++) {
            int m = months - 1 - row;
            int y = TOP + row * ROW;
            svg.append("<text x=\"0\" y=\"").append(y + BAR - 4).append("\">").append(escape(monthLabel(timeline, m, language))).append("</text>");
            int x = LABEL;
            for (int a = 0; a < agencies.size(); a++) {
                int count = timeline.perAgency().get(agencies.get(a))[m];
                if (count == 0) {
                    continue;
                }
                int w = Math.max(4, count * barArea / max);
                svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                        .append("\" height=\"").append(BAR).append("\" fill=\"url(#contact-agency-").append(a)
                        .append(")\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"><title>")
                        .append(escape(words.fill(count == 1 ? "chart.bar.one" : "chart.bar.many",
                                Texts.values("agency", agencies.get(a), "count", count, "month", monthName(timeline, m, language)))))
                        .append("</title></rect>");
                x += w;
            }
            svg.append("<text x=\"").append(x + 4).append("\" y=\"").append(y + BAR - 4).append("\">").append(totals[m]).append("</text>");
        }
        for (int a = 0; a < agencies.size(); a++) {
            int y = legendTop + a * 24;
            svg.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"18\" height=\"18\" fill=\"url(#contact-agency-").append(a)
                    .append(")\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>");
            svg.append("<text x=\"24\" y=\"").append(y + 14).append("\">").append(escape(agencies.get(a))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String description(Timeline timeline, Texts words) {
        var text = new StringBuilder();
        for (Map.Entry<String, int[]> e : timeline.perAgency().entrySet()) {
            int total = 0;
            for (int c : e.getValue()) {
                total += c;
            }
            text.append(words.fill(total == 1 ? "chart.total.one" : "chart.total.many", Texts.values("agency", e.getKey(), "count", total)))
                    .append(' ');
        }
        return text.length() == 0 ? words.get("chart.none") : text.toString().strip();
    }

    /** "Nov 2026" ("Tach 2026"). */
    private static String monthLabel(Timeline t, int m, Language language) {
        return t.months().get(m).getMonth().getDisplayName(TextStyle.SHORT, language.locale()) + " " + t.months().get(m).getYear();
    }

    /** "November 2026" ("Tachwedd 2026"). */
    private static String monthName(Timeline t, int m, Language language) {
        return t.months().get(m).getMonth().getDisplayName(TextStyle.FULL, language.locale()) + " " + t.months().get(m).getYear();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
