package org.roundtable.shared.followup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which days count when a procedure says "within 15 working days": Monday to Friday, except
 * bank holidays. The list of bank holidays is configuration; England and Wales is the default.
 */
public final class WorkingDays {

    private static final String ENGLAND_AND_WALES = "bank-holidays-england-and-wales.txt";

    private final Set<LocalDate> bankHolidays;

    public WorkingDays(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    /** The bank holidays of England and Wales shipped with Roundtable. */
    public static WorkingDays englandAndWales() {
        var in = WorkingDays.class.getResourceAsStream(ENGLAND_AND_WALES);
        Objects.requireNonNull(in, ENGLAND_AND_WALES);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new WorkingDays(reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(LocalDate::parse).collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar from a comma-separated list of dates, as configured; a bad date is named in the error. */
    public static WorkingDays parse(String commaSeparatedDates) {
        var days = new TreeSet<LocalDate>();
        for (String part : Arrays.stream(commaSeparatedDates.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                days.add(LocalDate.parse(part));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a date (use YYYY-MM-DD): " + part, e);
            }
        }
        return new WorkingDays(days);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /** The day that is this many working days after the given one (which itself does not count). */
    public LocalDate plus(LocalDate from, int workingDays) {
        return step(from, workingDays, 1);
    }

    /** The day that is this many working days before the given one (which itself does not count). */
    public LocalDate minus(LocalDate from, int workingDays) {
        return step(from, workingDays, -1);
    }

    /** The given day if it is a working day, otherwise the next one. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The given day if it is a working day, otherwise the one before. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private LocalDate step(LocalDate from, int workingDays, int direction) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < workingDays) {
            d = d.plusDays(direction);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
