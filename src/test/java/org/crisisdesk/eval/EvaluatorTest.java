package org.crisisdesk.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    @Test
    void scoresTheEngineAndTheBaselineOnTheSameQuestions(@TempDir Path dir) throws Exception {
        QuestionSet set = QuestionSet.load(resource("/fixtures/questions/fixture.yaml"));
        assertEquals(5, set.questions().size());
        EvaluationReport report;
        try (Engine engine = Fixtures.engine(dir)) {
            report = new Evaluator(engine, new KnowledgeLoader().load(engine.config().knowledge()))
                    .run(set, ProgressListener.NONE);
        }
        Scores all = report.overall();
        assertEquals(4, all.answerable());
        assertEquals(1, all.offTopic());
        assertEquals(0, all.offTopicAnsweredCount());
        assertEquals(0.75, all.hitAt3(), 1e-9, report.engineMistakes().toString());
        assertEquals(0.25, all.refused(), 1e-9, "the zebra question is refused");
        assertTrue(all.mrr() <= all.hitAt3() && all.mrr() >= all.hitAt1());
        assertEquals(List.of("REFUSED a question nothing answers: zebra quantum"), report.engineMistakes());
        assertEquals(report.engine().keySet(), report.baseline().keySet());
        assertEquals(3, report.engine().get("direct").answerable());
        Scores baseline = report.baseline().get(EvaluationReport.OVERALL);
        assertEquals(4, baseline.answerable());
        assertEquals(0.0, baseline.refused(), 1e-9, "the baseline has no abstention: any shared word is an answer");
    }

    @Test
    void mrrCountsTheRankOfTheFirstCorrectSnippet() {
        QuestionSet.Question question = new QuestionSet.Question("q", "direct", List.of("b"), null, null);
        Scores scores = new Scores();
        scores.add(question, new Ranking(true, List.of(new Ranking.Hit("a", ""), new Ranking.Hit("b", ""))));
        scores.add(question, new Ranking(true, List.of(new Ranking.Hit("b", ""))));
        scores.add(question, new Ranking(true, List.of(new Ranking.Hit("a", ""), new Ranking.Hit("c", ""),
                new Ranking.Hit("d", ""), new Ranking.Hit("b", ""))));
        scores.add(question, new Ranking(false, List.of()));
        assertEquals((0.5 + 1.0) / 4, scores.mrr(), 1e-9);
        assertEquals(0.25, scores.hitAt1(), 1e-9);
        assertEquals(0.5, scores.hitAt3(), 1e-9);
        assertEquals(0.25, scores.refused(), 1e-9);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EvaluatorTest.class.getResource(name).toURI());
    }
}
