package org.crisisdesk.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisisdesk.answer.ConfidenceFeatures;
import org.crisisdesk.answer.ConfidenceModel;

/**
 * Fits the answer engine's {@link ConfidenceModel} on labelled answers and reads how well calibrated a model is.
 * An example is an answer the engine would give if it answered everything it can (its features), labelled right or
 * wrong by the question set; an off-topic question is always wrong. The fit is plain logistic regression (batch
 * gradient descent with a little L2, deterministic). The threshold answers at most one off-topic question in fifty,
 * and among the thresholds that do, it is the one where right answers less {@link #WRONG_COST} times wrong ones
 * are most: a confident wrong answer is worse than "no sourced answer".
 */
public final class Calibration {

    /** What must hold at the threshold, on the examples fitted. */
    static final double MAX_OFF_TOPIC_ANSWERED = 1.0 / 50;
    /** How much worse a wrong answer is than a refusal, against a right answer. */
    static final double WRONG_COST = 1.0;


    /**
     * One answer the engine could give: its features, whether it would be right, whether the question is
     * off-topic, and how much it counts in the fit (each question set counts as much as another, however long).
     */
    public record Example(ConfidenceFeatures features, boolean right, boolean offTopic, double weight) {

        public Example(ConfidenceFeatures features, boolean right, boolean offTopic) {
            this(features, right, offTopic, 1);
        }

        public Example weighted(double newWeight) {
            return new Example(features, right, offTopic, newWeight);
        }
    }

    /** A bin of a reliability table: answers whose probability fell in [from, to). */
    public record Bin(double from, double to, int answers, double meanProbability, double accuracy) {
    }

    private Calibration() {
    }

    /** The model that best predicts {@code examples}' labels, with its threshold chosen as the class says. */
    public static ConfidenceModel fit(List<Example> examples, String fittedOn) {
        List<LogisticRegression.Example> vectors = examples.stream()
                .map(e -> new LogisticRegression.Example(e.features().vector(), e.right(), e.weight())).toList();
        LogisticRegression.Fit fit = LogisticRegression.fit(vectors, ConfidenceFeatures.NAMES.length);
        ConfidenceModel unthresholded = new ConfidenceModel(fit.weights(), fit.bias(), 0, fittedOn);
        return unthresholded.withThreshold(threshold(unthresholded, examples));
    }

    /**
     * The threshold (in steps of 0.01) that answers at most {@link #MAX_OFF_TOPIC_ANSWERED} of the off-topic
     * examples and, among those, does best by right answers less {@link #WRONG_COST} times wrong answerable ones;
     * the lowest such, on a tie.
     */
    static double threshold(ConfidenceModel model, List<Example> examples) {
        long offTopic = examples.stream().filter(Example::offTopic).count();
        double best = 0.99;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int step = 1; step < 100; step++) {
            double t = step / 100.0;
            long offAnswered = 0;
            long right = 0;
            long wrong = 0;
            for (Example example : examples) {
                if (model.probability(example.features()) < t) {
                    continue;
                }
                if (example.offTopic()) {
                    offAnswered++;
                } else if (example.right()) {
                    right++;
                } else {
                    wrong++;
                }
            }
            double value = right - WRONG_COST * wrong;
            if (offAnswered <= MAX_OFF_TOPIC_ANSWERED * offTopic && value > bestValue) {
                best = t;
                bestValue = value;
            }
        }
        return best;
    }

    /** Ten bins of predicted probability with the share of those answers that were right. */
    public static List<Bin> reliability(ConfidenceModel model, List<Example> examples) {
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double from = i / 10.0;
            double to = (i + 1) / 10.0;
            int count = 0;
            double probabilities = 0;
            int right = 0;
            for (Example example : examples) {
                double p = model.probability(example.features());
                if (p >= from && (p < to || i == 9 && p <= 1)) {
                    count++;
                    probabilities += p;
                    right += example.right() ? 1 : 0;
                }
            }
            bins.add(new Bin(from, to, count, count == 0 ? 0 : probabilities / count,
                    count == 0 ? 0 : (double) right / count));
        }
        return bins;
    }

    /** The reliability table in Markdown. */
    public static String table(String title, List<Bin> bins) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(title).append(": confidence | answers | mean confidence | share right |\n");
        out.append("|---|---:|---:|---:|\n");
        for (Bin bin : bins) {
            out.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %s | %s |%n", bin.from(), bin.to(),
                    bin.answers(), bin.answers() == 0 ? "" : String.format(Locale.ROOT, "%.2f", bin.meanProbability()),
                    bin.answers() == 0 ? "" : String.format(Locale.ROOT, "%.2f", bin.accuracy())));
        }
        return out.toString();
    }
}
