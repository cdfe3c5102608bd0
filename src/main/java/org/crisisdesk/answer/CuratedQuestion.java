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
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        if (total <= 0) {
            return 0;
        }
        double best = 0;
        for (CuratedQuestion question : questions) {
            if (!question.answersKind(asked)) {
                continue;
            }
            double covered = 0;
            for (int c = 0; c < concepts.size(); c++) {
                for (String term : concepts.get(c)) {
                    if (question.terms.contains(term)) {
                        covered += weights[c];
                        break;
                    }
                }
            }
            best = Math.max(best, covered / total);
        }
        return best;
    }
}
