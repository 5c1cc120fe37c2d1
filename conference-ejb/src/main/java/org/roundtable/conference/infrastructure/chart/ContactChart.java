package org.roundtable.conference.infrastructure.chart;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roundtable.shared.record.ContactPattern.Timeline;

/**
 * Contacts per agency per month as an SVG bar chart, drawn on the server so the browser needs
 * no chart library and no build step. Accessible: it has a title and a description, every bar
 * has a title with its numbers, and colours come with a legend in text.
 */
public final class ContactChart {

    /** Colours with enough contrast on white, from the GOV.UK palette. */
    private static final String[] COLOURS = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#5694ca", "#912b88", "#28a197"};
    private static final int BAR_AREA = 160;
    private static final int COLUMN = 56;
    private static final int LEFT = 36;
    private static final int TOP = 16;

    private ContactChart() {
    }

    public static String svg(Timeline timeline) {
        List<String> agencies = new ArrayList<>(timeline.perAgency().keySet());
        int months = timeline.months().size();
        int max = 1;
        for (int m = 0; m < months; m++) {
            int sum = 0;
            for (int[] counts : timeline.perAgency().values()) {
                sum += counts[m];
            }
            max = Math.max(max, sum);
        }
        int width = LEFT + months * COLUMN + 8;
        int legendTop = TOP + BAR_AREA + 36;
        int height = legendTop + agencies.size() * 20 + 8;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" font-family=\"Arial, sans-serif\" font-size=\"12\">");
        svg.append("<title id=\"chart-title\">Contacts with agencies each month</title>");
        svg.append("<desc id=\"chart-desc\">").append(escape(description(timeline))).append("</desc>");
        // Axis and scale
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + BAR_AREA).append("\" x2=\"").append(width - 8)
                .append("\" y2=\"").append(TOP + BAR_AREA).append("\" stroke=\"#0b0c0c\"/>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">").append(max).append("</text>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + BAR_AREA).append("\" text-anchor=\"end\">0</text>");
        for (int m = 0; m < months; m++) {
            int x = LEFT + m * COLUMN + 8;
            int y = TOP + BAR_AREA;
            for (int a = 0; a < agencies.size(); a++) {
                int count = timeline.perAgency().get(agencies.get(a))[m];
                if (count == 0) {
                    continue;
                }
                int h = Math.max(2, count * BAR_AREA / max);
                y -= h;
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(COLUMN - 16)
                        .append("\" height=\"").append(h).append("\" fill=\"").append(COLOURS[a % COLOURS.length]).append("\"><title>")
                        .append(escape(agencies.get(a) + ": " + count + (count == 1 ? " contact in " : " contacts in ") + monthName(timeline, m)))
                        .append("</title></rect>");
            }
            svg.append("<text x=\"").append(x + (COLUMN - 16) / 2).append("\" y=\"").append(TOP + BAR_AREA + 16)
                    .append("\" text-anchor=\"middle\">").append(escape(shortMonth(timeline, m))).append("</text>");
        }
        for (int a = 0; a < agencies.size(); a++) {
            int y = legendTop + a * 20;
            svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[a % COLOURS.length]).append("\"/>");
            svg.append("<text x=\"").append(LEFT + 18).append("\" y=\"").append(y + 11).append("\">").append(escape(agencies.get(a))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String description(Timeline timeline) {
        var text = new StringBuilder();
        for (Map.Entry<String, int[]> e : timeline.perAgency().entrySet()) {
            int total = 0;
            for (int c : e.getValue()) {
                total += c;
            }
            text.append(e.getKey()).append(": ").append(total).append(total == 1 ? " contact. " : " contacts. ");
        }
        return text.length() == 0 ? "No contacts in these months." : text.toString().strip();
    }

    private static String shortMonth(Timeline t, int m) {
        return t.months().get(m).getMonth().getDisplayName(TextStyle.SHORT, Locale.UK);
    }

    private static String monthName(Timeline t, int m) {
        return t.months().get(m).getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + t.months().get(m).getYear();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
