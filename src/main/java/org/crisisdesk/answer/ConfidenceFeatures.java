package org.crisisdesk.answer;

/**
 * What the engine knows about its best answer to a question when it decides whether to give it, each within 0..1.
 * {@link ConfidenceModel} turns them into the probability that the answer is right; calibration fits that model on
 * labelled questions.
 *
 * @param coverage     the weighted share of the question the best text covers, a known word it lacks counting
 *                     one and a half times ({@link Coverage})
 * @param share        the weighted share of the question the best text covers
 * @param margin       how far the best text ranks ahead of the second (1 when there is no second)
 * @param match        the weighted share of the question in the answering sentence itself
 * @param shaped       the question asks for a kind of answer with a shape (a date, a name, a number, a cause)
 * @param typed        the answering sentence has that shape
 * @param namesSomething the question names something of the crisis: a name the aliases know (a person, a group, a
 *                     place, an operation), a year of the crisis, or a word only a few texts use; "war", "world"
 *                     or "players" do not
 * @param unknown      the weighted share of the question made of words the base has never seen
 * @param corrected    a misspelt word was read as a near spelling
 * @param french       the question is French
 */
public record ConfidenceFeatures(
        double coverage,
        double share,
        double margin,
        double match,
        double shaped,
        double typed,
        double namesSomething,
        double unknown,
        double corrected,
        double french) {

    /** The names, in {@link #vector()} order, as the model file writes them. */
    public static final String[] NAMES = {"coverage", "share", "margin", "match", "shaped", "typed",
        "names_something", "unknown", "corrected", "french"};

    public static final ConfidenceFeatures NONE = new ConfidenceFeatures(0, 0, 0, 0, 0, 0, 0, 1, 0, 0);

    /** The same, with a word read as a near spelling. */
    public ConfidenceFeatures withCorrected() {
        return new ConfidenceFeatures(coverage, share, margin, match, shaped, typed, namesSomething, unknown, 1,
                french);
    }

    public double[] vector() {
        return new double[] {coverage, share, margin, match, shaped, typed, namesSomething, unknown, corrected,
            french};
    }
}
