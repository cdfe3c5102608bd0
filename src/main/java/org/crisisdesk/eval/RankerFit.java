package org.crisisdesk.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.crisisdesk.answer.RankedSentence;

/**
 * How far the choice of sentence could go with what the sentence chooser measures: for labelled questions (the
 * development set and the training outsider sets), how often some candidate answers at all, how often the engine's
 * first candidate answers, and how often it would if a linear model were fitted on the candidates' features
 * (pairwise: an answering candidate against each that does not, both ways round; each question weighs the same).
 * {@code crisisdesk eval --ranking} prints it. Measured on 2026-11-30: the hand-set order did as well as the
 * fitted one (349 and 346 of the 423 questions some candidate answers), so no fitted ranker is shipped.
 */
public final class RankerFit {

    /** One question's candidates, in the engine's order, and which of them answer it. */
    public record Question(List<RankedSentence> candidates, Predicate<RankedSentence> answers) {
    }

    /** Questions, those some candidate answers, and those whose first candidate answers: in the engine's order and
     * in the fitted model's. */
    public record Report(int questions, int answerable, int firstRight, int firstRightFitted, double[] weights) {
    }

    private RankerFit() {
    }

    public static Report measure(List<Question> questions) {
        List<LogisticRegression.Example> examples = new ArrayList<>();
        int answerable = 0;
        int first = 0;
        for (Question question : questions) {
            List<RankedSentence> right = question.candidates().stream().filter(question.answers()).toList();
            if (right.isEmpty()) {
                continue;
            }
            answerable++;
            first += question.answers().test(question.candidates().get(0)) ? 1 : 0;
            List<RankedSentence> wrong = question.candidates().stream().filter(question.answers().negate()).toList();
            double weight = wrong.isEmpty() ? 0 : 1.0 / (right.size() * wrong.size());
            for (RankedSentence r : right) {
                for (RankedSentence w : wrong) {
                    double[] difference = new double[r.features().length];
                    double[] opposite = new double[difference.length];
                    for (int i = 0; i < difference.length; i++) {
                        difference[i] = r.features()[i] - w.features()[i];
                        opposite[i] = -difference[i];
                    }
                    examples.add(new LogisticRegression.Example(difference, true, weight));
                    examples.add(new LogisticRegression.Example(opposite, false, weight));
                }
            }
        }
        double[] weights = LogisticRegression.fit(examples, RankedSentence.FEATURES.length).weights();
        int fitted = 0;
        for (Question question : questions) {
            if (question.candidates().stream().noneMatch(question.answers())) {
                continue;
            }
            RankedSentence top = question.candidates().stream()
                    .max(Comparator.comparingDouble(c -> dot(weights, c.features()))).orElseThrow();
            fitted += question.answers().test(top) ? 1 : 0;
        }
        return new Report(questions.size(), answerable, first, fitted, weights);
    }

    private static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * x[i];
        }
        return sum;
    }
}
