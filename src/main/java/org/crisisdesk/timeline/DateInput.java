package org.crisisdesk.timeline;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.knowledge.PartialDate;

/**
 * A date as people type it into a timeline filter: {@code 2021}, {@code 2021-03}, {@code 2021-03-26}, and the
 * written forms {@code March 2021}, {@code mars 2021}, {@code Mar 2021}, {@code 26 March 2021}, {@code 1er août 2020},
 * {@code 03/2021}. The result is the ISO form the timeline's query takes.
 */
public final class DateInput {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("janvier", 1), Map.entry("janv", 1),
            Map.entry("february", 2), Map.entry("feb", 2), Map.entry("fevrier", 2), Map.entry("fevr", 2),
            Map.entry("fev", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("mars", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("avril", 4), Map.entry("avr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("june", 6), Map.entry("jun", 6), Map.entry("juin", 6),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("juillet", 7), Map.entry("juil", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("aout", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("septembre", 9),
            Map.entry("october", 10), Map.entry("oct", 10), Map.entry("octobre", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("novembre", 11),
            Map.entry("december", 12), Map.entry("dec", 12), Map.entry("decembre", 12));

    /** [day] month year, or month [day,] year: "26 March 2021", "March 26, 2021", "mars 2021". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?:(\\d{1,2})(?:er|st|nd|rd|th)?\\s+)?(\\p{L}+)\\.?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern NUMERIC_MONTH = Pattern.compile("(\\d{1,2})[/.](\\d{4})");

    private DateInput() {
    }

    /** The date {@code text} means, in ISO form ({@code 2021-03}); empty when it is not a date. */
    public static Optional<String> iso(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        Optional<PartialDate> iso = PartialDate.parse(typed);
        if (iso.isPresent()) {
            return Optional.of(iso.get().toString());
        }
        String folded = Normalizer.normalize(typed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
        Matcher m = DAY_MONTH_YEAR.matcher(folded);
        if (m.matches()) {
            return build(m.group(3), MONTHS.get(m.group(2)), m.group(1));
        }
        m = MONTH_DAY_YEAR.matcher(folded);
        if (m.matches()) {
            return build(m.group(3), MONTHS.get(m.group(1)), m.group(2));
        }
        m = NUMERIC_MONTH.matcher(folded);
        if (m.matches()) {
            return build(m.group(2), Integer.parseInt(m.group(1)), null);
        }
        return Optional.empty();
    }

    private static Optional<String> build(String year, Integer month, String day) {
        if (month == null) {
            return Optional.empty();
        }
        String text = day == null ? String.format(Locale.ROOT, "%s-%02d", year, month)
                : String.format(Locale.ROOT, "%s-%02d-%02d", year, month, Integer.parseInt(day));
        return PartialDate.parse(text).map(PartialDate::toString);
    }
}
