package org.crisisdesk.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.eval.EvaluationReport;
import org.crisisdesk.eval.OutsiderReport;
import org.crisisdesk.eval.OutsiderSet;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outsider sets (questions written by people who never read the knowledge base, {@code src/test/resources/
 * outsider/}) against the shipped knowledge base, scored on what a user sees first, held to floors at the level
 * reached so that nothing slides back: raise a floor when the figure rises. a is the set the product is judged on,
 * c and e are held out (never looked at question by question; e was written on 2026-12-01 and first scored on that
 * day's engine), b and d fit the confidence model.
 */
class OutsiderSetsTest {

    /** Correct first answers reached, per set (of 71, 101, 101, 142 and 100 answerable questions). */
    static final Map<String, Integer> MIN_CORRECT = Map.of("outsider-a", 67, "outsider-b", 88, "outsider-c", 62,
            "outsider-d", 111, "outsider-e", 71);
    /** Answers given without the fact asked for, per set: the most reached. */
    static final Map<String, Integer> MAX_MISSED = Map.of("outsider-a", 1, "outsider-b", 6, "outsider-c", 16,
            "outsider-d", 10, "outsider-e", 9);
    /** French questions answered in French. */
    static final double MIN_FRENCH_IN_FRENCH = 0.95;

    @Test
    void theShippedKnowledgeBaseAnswersTheOutsiderSets(@TempDir Path dir) throws Exception {
        Path repository = Fixtures.repository();
        List<OutsiderSet> sets = OutsiderSet.loadAll(repository.resolve(OutsiderSet.DEFAULT_LOCATION));
        assertEquals(MIN_CORRECT.keySet(), sets.stream().map(OutsiderSet::name).collect(
                java.util.stream.Collectors.toSet()), "every outsider set has its floors");
        EngineConfig config = EngineConfig.fromEnvironment(Map.of())
                .withKnowledge(repository.resolve("knowledge"))
                .withIndex(dir.resolve("index"));
        StringBuilder tables = new StringBuilder();
        List<OutsiderReport> reports = new java.util.ArrayList<>();
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            for (OutsiderSet set : sets) {
                OutsiderReport report = new OutsiderReport(set.name());
                for (OutsiderSet.Question question : set.questions()) {
                    Answer answer = engine.ask(question.text());
                    report.add(question, answer, question.judge(answer));
                }
                reports.add(report);
                tables.append('\n').append(report.table());
            }
        }
        System.out.println(tables);
        String all = EvaluationReport.OVERALL;
        for (OutsiderReport report : reports) {
            int correct = report.count(all, OutsiderSet.Verdict.CORRECT);
            int missed = report.count(all, OutsiderSet.Verdict.MISSED);
            assertTrue(correct >= MIN_CORRECT.get(report.name()), report.name() + ": " + correct + " correct, below "
                    + MIN_CORRECT.get(report.name()) + tables);
            assertTrue(missed <= MAX_MISSED.get(report.name()), report.name() + ": " + missed + " answered without"
                    + " the fact, above " + MAX_MISSED.get(report.name()) + tables);
            assertEquals(0, report.count(all, OutsiderSet.Verdict.ANSWERED_OFF_TOPIC),
                    report.name() + ": every off-topic question is refused" + tables);
            assertTrue(report.frenchInFrench() >= MIN_FRENCH_IN_FRENCH * report.frenchAnswered(),
                    report.name() + ": French questions answered in French " + report.frenchInFrench() + " of "
                            + report.frenchAnswered());
        }
    }
}
