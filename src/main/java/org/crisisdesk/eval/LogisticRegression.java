package org.crisisdesk.eval;

import java.util.List;

/**
 * Plain logistic regression for the engine's fitted models: batch gradient descent with a little L2 on the weights,
 * each example weighted, deterministic (same data, same model). Features are expected within about 0..1.
 */
final class LogisticRegression {

    private static final int ITERATIONS = 20_000;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 0.001;

    /** The fitted weights and bias. */
    record Fit(double[] weights, double bias) {
    }

    /** One labelled example and how much it counts. */
    record Example(double[] x, boolean y, double weight) {
    }

    private LogisticRegression() {
    }

    static Fit fit(List<Example> examples, int features) {
        double[] w = new double[features];
        double b = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[features];
            double gradientBias = 0;
            double total = 0;
            for (Example example : examples) {
                total += example.weight();
                double z = b;
                for (int i = 0; i < features; i++) {
                    z += w[i] * example.x()[i];
                }
                double error = example.weight() * (1 / (1 + Math.exp(-z)) - (example.y() ? 1 : 0));
                for (int i = 0; i < features; i++) {
                    gradient[i] += error * example.x()[i];
                }
                gradientBias += error;
            }
            for (int i = 0; i < features; i++) {
                w[i] -= LEARNING_RATE * (gradient[i] / total + L2 * w[i]);
            }
            b -= LEARNING_RATE * gradientBias / total;
        }
        return new Fit(w, b);
    }
}
