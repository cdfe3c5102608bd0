package org.crisisdesk.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisisdesk.answer.ConfidenceFeatures;
import org.crisisdesk.answer.ConfidenceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    private static ConfidenceFeatures coverage(double c) {
        return new ConfidenceFeatures(c, c, 0.2, c, 1, 1, 1, 1 - c, 0, 0);
    }

    /** Answers are right about as often as their coverage says; off-topic ones have low coverage. */
    private static List<Calibration.Example> examples() {
        Random random = new Random(7);
        List<Calibration.Example> examples = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double c = random.nextDouble();
            examples.add(new Calibration.Example(coverage(c), random.nextDouble() < c, false));
        }
        for (int i = 0; i < 100; i++) {
            examples.add(new Calibration.Example(coverage(random.nextDouble() * 0.6), false, true));
        }
        return examples;
    }

    @Test
    void theFittedModelIsCalibratedAndItsThresholdKeepsOffTopicQuestionsOut() {
        List<Calibration.Example> examples = examples();
        ConfidenceModel model = Calibration.fit(examples, "test");
        assertTrue(model.probability(coverage(0.95)) > model.probability(coverage(0.3)));
        long offAnswered = examples.stream().filter(Calibration.Example::offTopic)
                .filter(e -> model.probability(e.features()) >= model.threshold()).count();
        assertTrue(offAnswered <= 2, "at most one off-topic question in fifty: " + offAnswered);
        for (Calibration.Bin bin : Calibration.reliability(model, examples)) {
            if (bin.answers() >= 40) {
                assertEquals(bin.meanProbability(), bin.accuracy(), 0.2, "bin " + bin);
            }
        }
    }

    @Test
    void aModelWrittenIsReadBackTheSame(@TempDir Path dir) throws Exception {
        ConfidenceModel model = Calibration.fit(examples(), "test set");
        Path file = dir.resolve("model.properties");
        model.write(file);
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            properties.load(in);
        }
        assertEquals(model.threshold(), Double.parseDouble(properties.getProperty("threshold")), 1e-4);
        assertEquals(model.bias(), Double.parseDouble(properties.getProperty("bias")), 1e-5);
    }

    @Test
    void theShippedModelLoadsAndRanksCoverage() {
        ConfidenceModel shipped = ConfidenceModel.shipped();
        assertTrue(shipped.threshold() > 0 && shipped.threshold() < 1);
        assertTrue(shipped.probability(coverage(1)) > shipped.threshold());
        assertTrue(shipped.probability(coverage(0.2)) < shipped.threshold());
    }
}
