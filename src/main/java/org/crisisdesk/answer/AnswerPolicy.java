package org.crisisdesk.answer;

/**
 * The knobs that decide when to answer and with how much.
 *
 * @param minCoverage      share (0..1) of the question's weighted terms a text must cover to be read for an answer
 *                         at all; whether the best answer is given is the {@link #model}'s call
 * @param secondaryRatio   a second or third snippet's text must rank at least this share of the best one
 * @param maxSnippets      snippets in one answer
 * @param maxQuestionChars longer questions get a clear message instead of a search
 * @param candidates       hits considered before reranking
 * @param model            the calibrated probability that an answer is right, and the threshold it must reach
 */
public record AnswerPolicy(
        double minCoverage,
        double secondaryRatio,
        int maxSnippets,
        int maxQuestionChars,
        int candidates,
        ConfidenceModel model) {

    public static final AnswerPolicy DEFAULT = new AnswerPolicy(0.45, 0.6, 3, 1000, 20, ConfidenceModel.shipped());

    public AnswerPolicy {
        if (minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("minCoverage must be within 0..1");
        }
        if (maxSnippets < 1 || candidates < maxSnippets) {
            throw new IllegalArgumentException("need at least one snippet and as many candidates");
        }
    }

    /** The same policy deciding with another model (calibration runs the engine with one that answers all). */
    public AnswerPolicy withModel(ConfidenceModel other) {
        return new AnswerPolicy(minCoverage, secondaryRatio, maxSnippets, maxQuestionChars, candidates, other);
    }
}
