package org.crisisdesk.answer;

/**
 * The knobs that decide when to answer and with how much.
 *
 * @param minConfidence      share (0..1) of the question's weighted terms a text must cover to be an answer;
 *                           chosen on the development set (see README, "How the bot decides to answer")
 * @param secondaryRatio     a second or third snippet must score at least this share of the best one
 * @param maxSnippets        snippets in one answer
 * @param maxQuestionChars   longer questions get a clear message instead of a search
 * @param candidates         hits considered before confidence reranking
 */
public record AnswerPolicy(
        double minConfidence,
        double secondaryRatio,
        int maxSnippets,
        int maxQuestionChars,
        int candidates) {

    public static final AnswerPolicy DEFAULT = new AnswerPolicy(0.62, 0.6, 3, 1000, 20);

    public AnswerPolicy {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("minConfidence must be within 0..1");
        }
        if (maxSnippets < 1 || candidates < maxSnippets) {
            throw new IllegalArgumentException("need at least one snippet and as many candidates");
        }
    }
}
