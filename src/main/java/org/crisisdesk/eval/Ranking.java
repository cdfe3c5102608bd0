package org.crisisdesk.eval;

import java.util.List;

/**
 * What a system returned for one question: whether it answered, and its snippets' ids and texts in rank order.
 * The engine and the baseline are both scored from this.
 */
public record Ranking(boolean answered, List<Hit> hits) {

    public Ranking {
        hits = List.copyOf(hits);
    }

    public record Hit(String id, String text) {
    }

    /** 1-based rank of the first snippet that answers the question within the top 3, or 0. */
    int firstCorrectRank(QuestionSet.Question question) {
        for (int i = 0; i < Math.min(3, hits.size()); i++) {
            if (question.answeredBy(hits.get(i).id(), hits.get(i).text())) {
                return i + 1;
            }
        }
        return 0;
    }
}
