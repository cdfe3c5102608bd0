package org.crisisdesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a sentence's French text states the same facts as its English one, as far as a machine can tell:
 * the same numbers (written either way: 1,000 = 1 000, 77.6 = 77,6), the same months, and the same names known
 * to the aliases. A translation that changes a date or a figure is a wrong fact, so a mismatch is an error.
 */
final class TranslationCheck {

    /** Digits with thousands separators (comma, dot, space, no-break spaces) and an optional decimal part. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d])\\d+(?:[,.\\u00A0\\u202F ]\\d{3})*(?:[.,]\\d+)?(?![\\d])");
    private static final Pattern THOUSANDS = Pattern.compile("[,.\\u00A0\\u202F ](\\d{3})(?=$|[,.\\u00A0\\u202F ])");
    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] FRENCH_MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"};
    /** "May" is also a verb: as a month it is capitalised and next to a number. */
    private static final Pattern ENGLISH_MAY = Pattern.compile("\\bMay(?=\\s+\\d)|(?<=\\d\\s)May\\b");

    private final List<List<Pattern>> aliasGroups;
    private final List<String> aliasLabels;

    TranslationCheck(List<Alias> aliases) {
        this.aliasGroups = new ArrayList<>();
        this.aliasLabels = new ArrayList<>();
        for (Alias alias : aliases) {
            List<Pattern> names = new ArrayList<>();
            for (String name : alias.names()) {
                names.add(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(Names.fold(name)) + "(?![\\p{L}\\d])"));
            }
            aliasGroups.add(names);
            aliasLabels.add(alias.names().get(0));
        }
    }

    /** What differs between {@code en} and {@code fr}, one line each; empty when they agree. */
    List<String> differences(String en, String fr) {
        List<String> found = new ArrayList<>();
        compare("number", numbers(en), numbers(fr), found);
        compare("month", englishMonths(en), frenchMonths(fr), found);
        String foldedEn = Names.fold(en);
        String foldedFr = Names.fold(fr);
        for (int g = 0; g < aliasGroups.size(); g++) {
            boolean inEnglish = mentions(aliasGroups.get(g), foldedEn);
            boolean inFrench = mentions(aliasGroups.get(g), foldedFr);
            if (inEnglish != inFrench) {
                found.add("'" + aliasLabels.get(g) + "' is named in the " + (inEnglish ? "English" : "French")
                        + " text only (if the other uses another name for it, add that name to its alias)");
            }
        }
        return found;
    }

    private static boolean mentions(List<Pattern> names, String folded) {
        for (Pattern name : names) {
            if (name.matcher(folded).find()) {
                return true;
            }
        }
        return false;
    }

    private static void compare(String what, Set<String> en, Set<String> fr, List<String> found) {
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(fr);
        Set<String> onlyFr = new TreeSet<>(fr);
        onlyFr.removeAll(en);
        if (!onlyEn.isEmpty()) {
            found.add(what + (onlyEn.size() > 1 ? "s " : " ") + String.join(", ", onlyEn)
                    + " in the English text only");
        }
        if (!onlyFr.isEmpty()) {
            found.add(what + (onlyFr.size() > 1 ? "s " : " ") + String.join(", ", onlyFr)
                    + " in the French text only");
        }
    }

    /** Each number as plain digits with a dot for decimals: 1,000 and 1 000 are 1000; 77,6 and 77.6 are 77.6. */
    static Set<String> numbers(String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String raw = m.group();
            String withoutThousands = THOUSANDS.matcher(raw).replaceAll("$1");
            numbers.add(withoutThousands.replace(',', '.').replaceAll("[\\u00A0\\u202F ]", ""));
        }
        return numbers;
    }

    private static Set<String> englishMonths(String text) {
        Set<String> months = new TreeSet<>();
        for (int i = 0; i < ENGLISH_MONTHS.length; i++) {
            boolean present = i == 4
                    ? ENGLISH_MAY.matcher(text).find()
                    : Pattern.compile("\\b" + ENGLISH_MONTHS[i] + "\\b").matcher(text).find();
            if (present) {
                months.add(FRENCH_MONTHS[i]);
            }
        }
        return months;
    }

    private static Set<String> frenchMonths(String text) {
        Set<String> months = new TreeSet<>();
        String folded = Names.fold(text);
        for (String month : FRENCH_MONTHS) {
            if (Pattern.compile("(?<![\\p{L}])" + Names.fold(month) + "(?![\\p{L}])").matcher(folded).find()) {
                months.add(month);
            }
        }
        return months;
    }
}
