package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.knowledge.Names;

/**
 * Misspelt names mended before a question is searched: a word the index has never seen that is one typing slip
 * from a word of the curated names and synonyms ("ecowass", "kufa", "dinne", "kiled", "presidnet") is read as that
 * word. One slip only: with two, ordinary words the texts never use became names ("compared", "Compaoré"). The index's own near spellings ({@link QueryPlan}) compare stems, of five letters or more, with any
 * word of the texts; this compares words as typed with the curated vocabulary only, so it mends short names and
 * words whose stem the slip changed ("ecowass" stems to itself, "ecowas" to "ecowa"), and never reads a word as a
 * stray word of some text. A slip is a letter added, dropped, changed, or two swapped.
 */
final class NameSpelling {

    /** Shorter words are too often other words one letter away (in, on, at). */
    private static final int MIN_LENGTH = 4;
    /** How many slips a word may hold: with two, "compared" became "Compaoré". */
    private static final int SLIPS = 1;
    /** From this length the slip may be in the first letter. */
    private static final int FIRST_LETTER_FREE = 7;
    /** Below this length a slip must add, drop or swap letters. */
    private static final int SHORT = 5;
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\d'’-])\\p{L}[\\p{L}'’-]*(?![\\p{L}\\d])");

    /** Each curated word, folded, with the spelling to put in the question; by length, for the search. */
    private final Map<Integer, List<String>> byLength = new HashMap<>();
    private final Map<String, String> spelling = new HashMap<>();

    NameSpelling(List<List<String>> aliasGroups, List<List<String>> synonymGroups) {
        List<List<String>> groups = new ArrayList<>(aliasGroups);
        groups.addAll(synonymGroups);
        for (List<String> group : groups) {
            for (String name : group) {
                Matcher m = WORD.matcher(name);
                while (m.find()) {
                    String word = m.group();
                    String folded = Names.fold(word);
                    if (folded.length() >= MIN_LENGTH && spelling.putIfAbsent(folded, word) == null) {
                        byLength.computeIfAbsent(folded.length(), n -> new ArrayList<>()).add(folded);
                    }
                }
            }
        }
    }

    /**
     * {@code text} with each word that {@code known} does not know and that is near exactly one curated word
     * replaced by it, or empty when no word was.
     */
    Optional<String> mend(String text, Predicate<String> known) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String word = m.group();
            Optional<String> near = near(Names.fold(word), known, word);
            changed |= near.isPresent();
            m.appendReplacement(out, Matcher.quoteReplacement(near.orElse(word)));
        }
        m.appendTail(out);
        return changed ? Optional.of(out.toString()) : Optional.empty();
    }

    private Optional<String> near(String folded, Predicate<String> known, String word) {
        if (folded.length() < MIN_LENGTH || spelling.containsKey(folded) || known.test(word)) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = SLIPS + 1;
        boolean tied = false;
        for (int length = folded.length() - SLIPS; length <= folded.length() + SLIPS; length++) {
            for (String candidate : byLength.getOrDefault(length, List.of())) {
                // A short word's first letter is rarely the slip, and allowing it mends "golf" into "Gulf".
                if (folded.length() < FIRST_LETTER_FREE && candidate.charAt(0) != folded.charAt(0)) {
                    continue;
                }
                // Nor is a changed letter in a four-letter word, which is as often another word ("golf", "gold").
                if (folded.length() < SHORT && candidate.length() == folded.length() && !swapped(folded, candidate)) {
                    continue;
                }
                int distance = slips(folded, candidate, SLIPS);
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                    tied = false;
                } else if (distance == bestDistance && !candidate.equals(best)) {
                    tied = true;
                }
            }
        }
        return best == null || tied ? Optional.empty() : Optional.of(spelling.get(best));
    }

    /** Whether {@code b} is {@code a} with two neighbouring letters swapped. */
    private static boolean swapped(String a, String b) {
        for (int i = 0; i + 1 < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.substring(i + 2).equals(b.substring(i + 2));
            }
        }
        return false;
    }

    /**
     * Letters added, dropped, changed or two neighbours swapped to turn {@code a} into {@code b} (optimal string
     * alignment distance); anything above {@code limit} is reported as {@code limit + 1}.
     */
    static int slips(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
