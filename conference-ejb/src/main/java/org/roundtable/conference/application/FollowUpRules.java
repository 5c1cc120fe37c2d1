package org.roundtable.conference.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.roundtable.shared.followup.ReportDeadline;
import org.roundtable.shared.followup.StatutoryTimescales;
import org.roundtable.shared.followup.WorkingDays;

/**
 * The statutory timescales and the calendar of working days, from configuration: system
 * properties roundtable.timescales.*, roundtable.reports.* and roundtable.bank-holidays (a comma-separated list of
 * dates that replaces the shipped England and Wales list). A bad value stops the deployment
 * with its name, rather than silently using a default.
 */
@ApplicationScoped
public class FollowUpRules {

    private StatutoryTimescales timescales;
    private WorkingDays calendar;
    private ReportDeadline reportDeadline;

    @PostConstruct
    void configure() {
        var defaults = StatutoryTimescales.workingTogether();
        timescales = new StatutoryTimescales(
                setting("initial-conference-working-days", defaults.initialConferenceWorkingDays()),
                setting("first-review-months", defaults.firstReviewMonths()),
                setting("later-review-months", defaults.laterReviewMonths()),
                setting("first-core-group-working-days", defaults.firstCoreGroupWorkingDays()),
                setting("core-group-weeks", defaults.coreGroupWeeks()));
        var reports = ReportDeadline.defaults();
        reportDeadline = new ReportDeadline(reportSetting("working-days-before", reports.workingDaysBefore()),
                reportSetting("hours-before-initial", reports.hoursBeforeInitial()));
        String holidays = System.getProperty("roundtable.bank-holidays");
        calendar = holidays == null || holidays.isBlank() ? WorkingDays.englandAndWales() : WorkingDays.parse(holidays);
    }

    public StatutoryTimescales timescales() {
        return timescales;
    }

    public WorkingDays calendar() {
        return calendar;
    }

    public ReportDeadline reportDeadline() {
        return reportDeadline;
    }

    private static int reportSetting(String name, int fallback) {
        return number("roundtable.reports." + name, fallback);
    }

    private static int setting(String name, int fallback) {
        return number("roundtable.timescales." + name, fallback);
    }

    private static int number(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, not " + value, e);
        }
    }
}
