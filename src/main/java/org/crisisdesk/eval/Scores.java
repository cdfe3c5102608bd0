package org.crisisdesk.eval;

import java.util.Locale;

/**
 * Accumulated figures for one category of questions (or all of them).
 * hit@1 and hit@3: share of answerable questions with a correct snippet first / in the top 3 (a refusal is a
 * miss); MRR: mean reciprocal rank of the first correct snippet within the top 3; refused: share of answerable
 * questions refused; offTopicAnswered: share of off-topic questions answered.
 */
public final class Scores {

    private int answerable;
    private int hitAt1;
    private int hitAt3;
    private double reciprocalRanks;
    private int refused;
    private int offTopic;
    private int offTopicAnswered;

    void add(QuestionSet.Question question, Ranking ranking) {
        if (question.offTopic()) {
            offTopic++;
            if (ranking.answered()) {
                offTopicAnswered++;
            }
            return;
        }
        answerable++;
        if (!ranking.answered()) {
            refused++;
            return;
        }
        int rank = ranking.firstCorrectRank(question);
        if (rank == 1) {
            hitAt1++;
        }
        if (rank >= 1) {
            hitAt3++;
            reciprocalRanks += 1.0 / rank;
        }
    }

    public int answerable() {
        return answerable;
    }

    public int offTopic() {
        return offTopic;
    }

    public double hitAt1() {
        return share(hitAt1, answerable);
    }

    public double hitAt3() {
        return share(hitAt3, answerable);
    }

    public double mrr() {
        return answerable == 0 ? 0 : reciprocalRanks / answerable;
    }

    public double refused() {
        return share(refused, answerable);
    }

    public double offTopicAnswered() {
        return share(offTopicAnswered, offTopic);
    }

    public int offTopicAnsweredCount() {
        return offTopicAnswered;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "hit@1 %.3f hit@3 %.3f MRR %.3f refused %.3f off-topic answered %.3f",
                hitAt1(), hitAt3(), mrr(), refused(), offTopicAnswered());
    }
}
