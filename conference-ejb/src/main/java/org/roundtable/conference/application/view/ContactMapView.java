package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The family's contacts with agencies over the last months: counts per agency per month, repeated assessments, and the chart. */
public record ContactMapView(List<YearMonth> months, List<AgencyRow> agencies, List<Repeated> repeatedAssessments, String chartSvg) {

    public record AgencyRow(String agencyName, List<Integer> perMonth, int total) {
    }

    public record Repeated(LocalDate from, LocalDate to, List<String> agencies, int assessments) {
    }
}
