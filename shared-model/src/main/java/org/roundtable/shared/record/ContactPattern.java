package org.roundtable.shared.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.roundtable.shared.domain.ContactKind;

/**
 * The shape of a family's contacts with agencies over the months: how many each agency had,
 * month by month, and the assessments more than one agency made of the family within a short
 * time (the family was asked the same questions again).
 */
public final class ContactPattern {

    /** One contact, as far as the pattern cares. */
    public record Contact(String agency, ContactKind kind, LocalDate on) {
    }

    /** Contacts per agency per month, oldest month first. */
    public record Timeline(List<YearMonth> months, Map<String, int[]> perAgency) {
    }

    /** Two or more agencies assessed the family within the window. */
    public record RepeatedAssessment(LocalDate from, LocalDate to, List<String> agencies, int assessments) {
    }

    private ContactPattern() {
    }

    public static Timeline timeline(List<Contact> contacts, YearMonth last, int months) {
        var range = new ArrayList<YearMonth>();
        for (int i = months - 1; i >= 0; i--) {
            range.add(last.minusMonths(i));
        }
        Map<String, int[]> per = new TreeMap<>();
        for (Contact c : contacts) {
            int index = range.indexOf(YearMonth.from(c.on()));
            if (index >= 0) {
                per.computeIfAbsent(c.agency(), a -> new int[months])[index]++;
            }
        }
        return new Timeline(List.copyOf(range), per);
    }

    /**
     * Groups of assessments by different agencies that fall within the window of each other;
     * each group lists the agencies involved.
     */
    public static List<RepeatedAssessment> repeatedAssessments(List<Contact> contacts, int windowDays) {
        var assessments = contacts.stream().filter(c -> c.kind() == ContactKind.ASSESSMENT)
                .sorted(Comparator.comparing(Contact::on)).toList();
        var found = new ArrayList<RepeatedAssessment>();
        int start = 0;
        while (start < assessments.size()) {
            int end = start;
            while (end + 1 < assessments.size()
                    && !assessments.get(end + 1).on().isAfter(assessments.get(end).on().plusDays(windowDays))) {
                end++;
            }
            var group = assessments.subList(start, end + 1);
            var agencies = group.stream().map(Contact::agency).distinct().collect(Collectors.toList());
            if (agencies.size() > 1) {
                found.add(new RepeatedAssessment(group.get(0).on(), group.get(group.size() - 1).on(), agencies, group.size()));
            }
            start = end + 1;
        }
        return found;
    }

    /** Contacts per agency over the whole period, most first. */
    public static Map<String, Integer> totals(Timeline timeline) {
        var totals = new LinkedHashMap<String, Integer>();
        timeline.perAgency().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey))
                .forEach(e -> totals.put(e.getKey(), sum(e.getValue())));
        return totals;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }
}
