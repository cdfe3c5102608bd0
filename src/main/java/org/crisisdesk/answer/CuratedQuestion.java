package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;

/**
 * A question a passage's curators say it answers, as the engine compares a user's question with it: its terms in
 * one language and the kind of answer it asks for.
 */
record CuratedQuestion(AnswerType type, Set<String> terms) {

    CuratedQuestion {
        terms = Set.copyOf(terms);
    }

    /** A text's curated questions analysed in {@code language}. */
    static List<CuratedQuestion> of(DocumentView view, Language language, TextAnalysis analysis) {
        List<CuratedQuestion> questions = new ArrayList<>(view.questions().size());
        for (String question : view.questions()) {
            Set<String> terms = new HashSet<>();
            analysis.tokens(question, true, language).forEach(token -> terms.add(token.term()));
            questions.add(new CuratedQuestion(QuestionReader.kind(question), terms));
        }
        return questions;
    }

    /**
     * Whether a user's question asking for {@code asked} can be this question: the same kind of answer, or one of
     * the two not asking for a kind. "Why did MINUSMA leave Mali?" has every word of "when did MINUSMA leave Mali?"
     * but does not answer it.
     */
    boolean answersKind(AnswerType asked) {
        return type == asked || type == AnswerType.GENERAL || asked == AnswerType.GENERAL;
    }

    /**
     * The best weighted share of a user's question's concepts (each a set of terms, with its weight) that one of
     * {@code questions} asking for the same kind of answer holds: 1 when the curators wrote this very question.
     */
    static double bestMatch(List<CuratedQuestion> questions, AnswerType asked, List<Set<String>> concepts,
            double[] weights) {
        double total = total(weights);
        if (total <= 0) {
            return 0;
        }
        double best = 0;
        for (CuratedQuestion question : questions) {
            if (question.answersKind(asked)) {
                best = Math.max(best, question.coveredWeight(concepts, weights) / total);
            }
        }
        return best;
    }

    /**
     * How surely the curators say a text answers a user's question asking for {@code asked}: 1 when one of its
     * curated questions asking for that kind (or any, for a user's question of no kind) holds at least {@code share}
     * of the question's concepts; {@link #OTHER_KIND} when only a curated question of no kind does ("Are
     * peacekeepers killed in Mali?" for "how many peacekeepers died?": maybe answered there, but "How many
     * peacekeepers died?" on another text says it more surely); 0 otherwise.
     */
    static double support(List<CuratedQuestion> questions, AnswerType asked, List<Set<String>> concepts,
            double[] weights, double share) {
        double total = total(weights);
        if (total <= 0) {
            return 0;
        }
        double found = 0;
        for (CuratedQuestion question : questions) {
            if (!question.answersKind(asked) || question.coveredWeight(concepts, weights) / total < share) {
                continue;
            }
            if (question.type == asked || asked == AnswerType.GENERAL) {
                return 1;
            }
            found = OTHER_KIND;
        }
        return found;
    }

    private static double total(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        return total;
    }

    /** The summed weight of the concepts this question holds. */
    private double coveredWeight(List<Set<String>> concepts, double[] weights) {
        double covered = 0;
        for (int c = 0; c < concepts.size(); c++) {
            for (String term : concepts.get(c)) {
                if (terms.contains(term)) {
                    covered += weights[c];
                    break;
                }
            }
        }
        return covered;
    }

    /** What a curated question of no particular kind counts for, against one asking for the kind asked. */
    static final double OTHER_KIND = 0.5;

}
