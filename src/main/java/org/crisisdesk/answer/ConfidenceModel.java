package org.crisisdesk.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * The probability that an answer is right, from its {@link ConfidenceFeatures}: a logistic model fitted on labelled
 * questions (development and outsider sets, off-topic ones included) by {@code crisisdesk eval --calibrate}. The
 * engine answers when the probability reaches {@link #threshold}, chosen when fitting so that at most one off-topic
 * question in fifty is answered. Immutable; the shipped model is a resource beside this class.
 *
 * @param weights   one per feature, in {@link ConfidenceFeatures#NAMES} order
 * @param fittedOn  what it was fitted on, for people reading the file
 */
public record ConfidenceModel(double[] weights, double bias, double threshold, String fittedOn) {

    static final String RESOURCE = "confidence-model.properties";

    public ConfidenceModel {
        if (weights.length != ConfidenceFeatures.NAMES.length) {
            throw new IllegalArgumentException("a model needs " + ConfidenceFeatures.NAMES.length + " weights");
        }
        weights = weights.clone();
    }

    /** 0..1: how likely an answer with these features is to be right. */
    public double probability(ConfidenceFeatures features) {
        double[] x = features.vector();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The same weights with another threshold: 0 answers every question that has a candidate (calibration). */
    public ConfidenceModel withThreshold(double newThreshold) {
        return new ConfidenceModel(weights, bias, newThreshold, fittedOn);
    }

    /** The model shipped with the engine. */
    public static ConfidenceModel shipped() {
        try (InputStream in = ConfidenceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the confidence model " + RESOURCE + " is missing from the jar");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the confidence model", e);
        }
    }

    static ConfidenceModel of(Properties properties) {
        double[] weights = new double[ConfidenceFeatures.NAMES.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = number(properties, "weight." + ConfidenceFeatures.NAMES[i]);
        }
        return new ConfidenceModel(weights, number(properties, "bias"), number(properties, "threshold"),
                properties.getProperty("fitted_on", ""));
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("the confidence model has no '" + key + "'");
        }
        return Double.parseDouble(value.strip());
    }

    /** Writes the model as a properties file the engine reads back (the shipped one is such a file). */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# The answer engine's confidence model:\n");
            out.write("# P(right) = 1 / (1 + exp(-(bias + the sum of weight x feature))).\n");
            out.write("# Written by 'crisisdesk eval --calibrate'; " + fittedOn.replace('\n', ' ') + "\n");
            out.write("fitted_on=" + fittedOn.replace('\n', ' ') + "\n");
            out.write(String.format(Locale.ROOT, "bias=%.6f%n", bias));
            out.write(String.format(Locale.ROOT, "threshold=%.4f%n", threshold));
            for (int i = 0; i < weights.length; i++) {
                out.write(String.format(Locale.ROOT, "weight.%s=%.6f%n", ConfidenceFeatures.NAMES[i], weights[i]));
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfidenceModel m && Arrays.equals(weights, m.weights) && bias == m.bias
                && threshold == m.threshold && fittedOn.equals(m.fittedOn);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
    }

    @Override
    public String toString() {
        return "ConfidenceModel" + Arrays.toString(weights) + " bias " + bias + " threshold " + threshold;
    }
}
