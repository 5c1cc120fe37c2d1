package org.roundtable.conference.infrastructure.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.domain.ContactKind;
import org.roundtable.shared.record.ContactPattern;
import org.roundtable.shared.record.ContactPattern.Contact;

class ContactChartTest {

    private final String svg = ContactChart.svg(ContactPattern.timeline(List.of(
            new Contact("Health <Visiting> & Co", ContactKind.VISIT, LocalDate.of(2026, 10, 3)),
            new Contact("Health <Visiting> & Co", ContactKind.CALL, LocalDate.of(2026, 10, 9)),
            new Contact("School", ContactKind.MEETING, LocalDate.of(2026, 11, 2))), YearMonth.of(2026, 11), 3));

    @Test
    void the_chart_is_an_accessible_svg_with_a_bar_per_agency_and_month_and_a_text_legend() {
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
        assertTrue(svg.contains("<title id=\"chart-title\">Contacts with agencies each month</title>"));
        assertTrue(svg.contains("2 contacts in October 2026"));
        assertTrue(svg.contains("1 contact in November 2026"));
        assertEquals(2, svg.split("<rect class=\"bar\"").length - 1, "two bars");
    }

    @Test
    void agencies_differ_by_pattern_as_well_as_colour_and_the_newest_month_comes_first() {
        assertTrue(svg.contains("<pattern id=\"contact-agency-0\"") && svg.contains("<pattern id=\"contact-agency-1\""));
        assertTrue(svg.contains("fill=\"url(#contact-agency-1)\""), "bars and keys are filled with the agency's pattern");
        assertTrue(svg.indexOf(">Nov 2026<") >= 0 && svg.indexOf(">Nov 2026<") < svg.indexOf(">Oct 2026<"), svg);
        assertTrue(svg.contains("viewBox=\"0 0 320 ") && svg.contains("font-size=\"13\""),
                "320 wide, so on a 360 px phone its text is not scaled below 13 px");
    }

    @Test
    void agency_names_cannot_inject_markup() {
        assertFalse(svg.contains("<Visiting>"));
        assertTrue(svg.contains("Health &lt;Visiting&gt; &amp; Co"));
    }
}
