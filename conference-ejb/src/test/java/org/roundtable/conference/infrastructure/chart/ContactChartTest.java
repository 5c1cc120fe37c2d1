package org.roundtable.conference.infrastructure.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.shared.domain.ContactKind;
import org.roundtable.shared.record.ContactPattern;
import org.roundtable.shared.record.ContactPattern.Contact;

class ContactChartTest {

    private final ContactPattern.Timeline timeline = ContactPattern.timeline(List.of(
            new Contact("Health <Visiting> & Co", ContactKind.VISIT, LocalDate.of(2026, 10, 3)),
            new Contact("Health <Visiting> & Co", ContactKind.CALL, LocalDate.of(2026, 10, 9)),
            new Contact("School", ContactKind.MEETING, LocalDate.of(2026, 11, 2))), YearMonth.of(2026, 11), 3);
    private final String svg = ContactChart.svg(timeline, Language.ENGLISH);

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

    @Test
    void a_welsh_reader_gets_the_chart_in_welsh_marked_as_welsh_for_screen_readers() {
        String welsh = ContactChart.svg(timeline, Language.WELSH);
        assertTrue(welsh.contains(" lang=\"cy\""), welsh);
        assertTrue(welsh.contains("<title id=\"chart-title\">Cysylltiadau ag asiantaethau bob mis</title>"), welsh);
        assertTrue(welsh.contains(">Tach 2026<") && welsh.contains(">Hyd 2026<"), "Welsh month labels: " + welsh);
        assertTrue(welsh.contains("School: 1 cysylltiad ym mis Tachwedd 2026"), welsh);
        assertTrue(welsh.contains("<desc id=\"chart-desc\">Health &lt;Visiting&gt; &amp; Co: 2 cysylltiad. School: 1 cysylltiad.</desc>"), welsh);
        for (String english : List.of("Contacts with", "contact in", "contacts.", "Nov 2026", "October")) {
            assertFalse(welsh.contains(english), "English left in the Welsh chart: " + english);
        }
        assertTrue(svg.contains(" lang=\"en\""), "the English chart says it is English");
    }

    @Test
    void a_quiet_stretch_is_described_in_the_readers_language() {
        var quiet = ContactPattern.timeline(List.of(), YearMonth.of(2026, 11), 2);
        assertTrue(ContactChart.svg(quiet, Language.WELSH).contains(">Dim cysylltiadau yn y misoedd hyn.</desc>"));
        assertTrue(ContactChart.svg(quiet, Language.ENGLISH).contains(">No contacts in these months.</desc>"));
    }
}
