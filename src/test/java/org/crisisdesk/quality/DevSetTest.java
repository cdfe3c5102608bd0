package org.crisisdesk.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.eval.EvaluationReport;
import org.crisisdesk.eval.Evaluator;
import org.crisisdesk.eval.MarkdownTable;
import org.crisisdesk.eval.QuestionSet;
import org.crisisdesk.eval.Scores;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the development question set against the shipped knowledge base and holds the engine to floors. The
 * floors only ever go up: raise them when quality improves (README, "How good are the answers?").
 *
 * <p>They were lowered once, on purpose, when the engine moved from whole passages to the single answering
 * sentence and the base grew from 271 to 629 texts: this set was written by the hands that wrote the passages and
 * measured their phrasing (hit@1 0.935 then), while questions written by outsiders, which are now the measure
 * ({@link OutsiderSetsTest}), rose from 43 to 59 of 71. On 2026-12-01 hit@1 was back at 0.940 (hit@3 0.968) with
 * outsider-a at 64 of 71, and the floors were raised to that level.
 */
class DevSetTest {

    /** Share of answerable questions with a correct cited snippet in the top 3. */
    static final double MIN_HIT_AT_3 = 0.965;
    static final double MIN_HIT_AT_1 = 0.935;
    /** Share of answerable questions the engine may wrongly refuse. */
    static final double MAX_WRONGLY_REFUSED = 0.05;
    static final int MIN_QUESTIONS = 250;
    static final int MIN_OFF_TOPIC = 50;
    /**
     * Off-topic questions the engine may answer: one of 52 ("what year did world war 2 end", which matches a war
     * crime and a year in the base) is, the same bound the confidence model is fitted to (at most 1 in 50).
     */
    static final int MAX_OFF_TOPIC_ANSWERED = 1;
    /**
     * Stress categories written to be beyond the engine (paraphrase-hard shares no content word with its answer):
     * {@code crisisdesk eval} scores them, but they are not held to the floors above, which guard the other questions.
     */
    static final Set<String> NOT_HELD_TO_FLOORS = Set.of("paraphrase-hard");

    @Test
    void theShippedKnowledgeBaseAnswersTheDevelopmentSet(@TempDir Path dir) throws Exception {
        Path repository = Fixtures.repository();
        QuestionSet set = new QuestionSet(QuestionSet.load(repository.resolve(QuestionSet.DEFAULT_LOCATION))
                .questions().stream().filter(q -> !NOT_HELD_TO_FLOORS.contains(q.category())).toList());
        assertTrue(set.questions().size() >= MIN_QUESTIONS, "the set has " + set.questions().size() + " questions");
        EngineConfig config = EngineConfig.fromEnvironment(Map.of())
                .withKnowledge(repository.resolve("knowledge"))
                .withIndex(dir.resolve("index"));
        EvaluationReport report;
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            report = new Evaluator(engine, new KnowledgeLoader().load(config.knowledge()))
                    .run(set, ProgressListener.NONE);
        }
        String table = "\nDevelopment set: " + report.questions() + " questions\n" + MarkdownTable.of(report)
                + String.join("\n", report.engineMistakes());
        System.out.println(table);

        Scores all = report.overall();
        Scores offTopic = report.engine().get(QuestionSet.OFF_TOPIC);
        assertTrue(offTopic.offTopic() >= MIN_OFF_TOPIC, "off-topic questions: " + offTopic.offTopic());
        assertTrue(all.hitAt3() >= MIN_HIT_AT_3, "hit@3 " + all.hitAt3() + " is below " + MIN_HIT_AT_3 + table);
        assertTrue(all.hitAt1() >= MIN_HIT_AT_1, "hit@1 " + all.hitAt1() + " is below " + MIN_HIT_AT_1 + table);
        assertTrue(all.refused() <= MAX_WRONGLY_REFUSED, "wrongly refused " + all.refused() + table);
        assertTrue(offTopic.offTopicAnsweredCount() <= MAX_OFF_TOPIC_ANSWERED,
                offTopic.offTopicAnsweredCount() + " off-topic questions answered" + table);
        assertTrue(all.hitAt3() > report.baseline().get(EvaluationReport.OVERALL).hitAt3(),
                "the engine must beat the plain baseline" + table);
    }
}
