package org.crisisdesk.answer;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.index.TextAnalysis;

/**
 * "Did you mean …?": when a word of the question was unknown and matched a near spelling instead, the question
 * as the answer read it, with that word replaced by the spelling found in the snippets (Goitta → Goïta). The
 * engine answers either way; the suggestion tells the reader that it guessed.
 */
final class Correction {

    private final TextAnalysis analysis;

    Correction(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    Optional<String> suggest(String question, List<QueryPlan.Concept> concepts, List<Snippet> snippets) {
        StringBuilder corrected = new StringBuilder(question);
        boolean changed = false;
        for (QueryPlan.Concept concept : concepts) {
            if (!concept.corrected() || concept.terms().size() != 1) {
                continue;
            }
            String unknown = concept.terms().get(0);
            Optional<String> spelling = closestHighlight(unknown, snippets);
            Optional<int[]> where = offsets(corrected.toString(), unknown);
            if (spelling.isPresent() && where.isPresent()) {
                corrected.replace(where.get()[0], where.get()[1], spelling.get());
                changed = true;
            }
        }
        return changed ? Optional.of(corrected.toString()) : Optional.empty();
    }

    /** The highlighted word of the snippets whose analysed form is nearest to the unknown term. */
    private Optional<String> closestHighlight(String unknown, List<Snippet> snippets) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Snippet snippet : snippets) {
            for (Snippet.Highlight h : snippet.highlights()) {
                String surface = snippet.text().substring(h.start(), h.end());
                for (String word : surface.split("\\s+")) {
                    for (String term : analysis.terms(word)) {
                        int distance = distance(term, unknown);
                        if (distance > 0 && distance <= 2 && distance < bestDistance) {
                            bestDistance = distance;
                            best = word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best).filter(b -> !b.isEmpty());
    }

    /** Where in the question the token that analyses to {@code term} stands. */
    private Optional<int[]> offsets(String question, String term) {
        return analysis.tokens(question, false).stream()
                .filter(token -> token.term().equals(term))
                .findFirst()
                .map(token -> new int[] {token.start(), token.end()});
    }

    /** Levenshtein distance, enough for single words. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
