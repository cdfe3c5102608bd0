package org.crisisdesk.knowledge;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to a year, a month or a day ({@code 2020}, {@code 2020-08}, {@code 2020-08-18}). Sources are often
 * only as precise as a month; pretending otherwise would invent facts.
 */
public record PartialDate(int year, int month, int day, Precision precision) implements Comparable<PartialDate> {

    public enum Precision {
        YEAR, MONTH, DAY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty when the text is not such a real date. */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            return Optional.empty();
        }
        try {
            if (m.group(2) == null) {
                return Optional.of(new PartialDate(year, 0, 0, Precision.YEAR));
            }
            int month = Integer.parseInt(m.group(2));
            YearMonth.of(year, month);
            if (m.group(3) == null) {
                return Optional.of(new PartialDate(year, month, 0, Precision.MONTH));
            }
            int day = Integer.parseInt(m.group(3));
            LocalDate.of(year, month, day);
            return Optional.of(new PartialDate(year, month, day, Precision.DAY));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The first day this date can mean. */
    public LocalDate start() {
        return switch (precision) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case MONTH -> LocalDate.of(year, month, 1);
            case DAY -> LocalDate.of(year, month, day);
        };
    }

    /** The last day this date can mean. */
    public LocalDate end() {
        return switch (precision) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case MONTH -> YearMonth.of(year, month).atEndOfMonth();
            case DAY -> start();
        };
    }

    /** How people read it: {@code 18 August 2020}, {@code August 2020}, {@code 2020}. */
    public String display() {
        return switch (precision) {
            case YEAR -> Integer.toString(year);
            case MONTH -> monthName() + " " + year;
            case DAY -> day + " " + monthName() + " " + year;
        };
    }

    /**
     * How readers of {@code language} ("en" or "fr") read it: {@code 18 August 2020} or {@code 18 août 2020}
     * ({@code 1er août 2020} for the first of the month, as French writes it).
     */
    public String display(String language) {
        if (!"fr".equals(language)) {
            return display();
        }
        String monthName = Month.of(Math.max(1, month)).getDisplayName(TextStyle.FULL, Locale.FRENCH);
        return switch (precision) {
            case YEAR -> Integer.toString(year);
            case MONTH -> monthName + " " + year;
            case DAY -> (day == 1 ? "1er" : Integer.toString(day)) + " " + monthName + " " + year;
        };
    }

    private String monthName() {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    @Override
    public int compareTo(PartialDate other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : precision.compareTo(other.precision);
    }

    /** The ISO form it was written in. */
    @Override
    public String toString() {
        return switch (precision) {
            case YEAR -> String.format(Locale.ROOT, "%04d", year);
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, month);
            case DAY -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        };
    }
}
