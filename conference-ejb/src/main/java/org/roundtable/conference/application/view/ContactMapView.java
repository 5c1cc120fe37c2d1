package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.roundtable.shared.domain.ContactKind;

/** The family's contacts with agencies over the last months: counts per agency per month, repeated assessments, and the chart. */
public record ContactMapView(List<YearMonth> months, List<AgencyRow> agencies, List<Repeated> repeatedAssessments, String chartSvg) {

    /** One agency: contacts per month, the total, and how many of each kind (visits, calls, assessments...). */
    public record AgencyRow(String agencyName, List<Integer> perMonth, int total, Map<ContactKind, Integer> kinds) {
    }

    public record Repeated(LocalDate from, LocalDate to, List<String> agencies, int assessments) {
    }
}
