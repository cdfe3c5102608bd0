package org.crisisdesk.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the development question set against the shipped knowledge base and holds the engine to floors. The
 * floors only ever go up: raise them when quality improves (see README, "How good are the answers?").
 */
class DevSetTest {

    /** Share of answerable questions with a correct cited snippet in the top 3. */
    static final double MIN_HIT_AT_3 = 0.90;
    /** Share of answerable questions the engine may wrongly refuse. */
    static final double MAX_WRONGLY_REFUSED = 0.05;
    static final int MIN_QUESTIONS = 60;

    @Test
    void theShippedKnowledgeBaseAnswersTheDevelopmentSet(@TempDir Path dir) throws Exception {
        DevSet set = DevSet.load(Fixtures.repository().resolve("src/test/resources/devset"));
        assertTrue(set.questions().size() >= MIN_QUESTIONS, "the set has " + set.questions().size() + " questions");
        EngineConfig config = EngineConfig.fromEnvironment(Map.of())
                .withKnowledge(Fixtures.repository().resolve("knowledge"))
                .withIndex(dir.resolve("index"));
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> offTopicAnswered = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int answerable = 0;
        int hits = 0;
        int refused = 0;
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            for (DevSet.Question question : set.questions()) {
                Answer answer = engine.ask(question.q());
                int[] counts = byCategory.computeIfAbsent(question.category(), c -> new int[2]);
                counts[0]++;
                if (question.offTopic()) {
                    if (answer.answered()) {
                        offTopicAnswered.add(question.q() + " -> " + answer.snippets().get(0).id());
                    } else {
                        counts[1]++;
                    }
                    continue;
                }
                answerable++;
                if (!answer.answered()) {
                    refused++;
                    misses.add("REFUSED " + question.q());
                } else if (question.hitBy(answer)) {
                    hits++;
                    counts[1]++;
                } else {
                    misses.add("MISSED  " + question.q() + " -> " + answer.snippets().stream().map(s -> s.id()).toList());
                }
            }
        }
        double hitRate = (double) hits / answerable;
        double refusedRate = (double) refused / answerable;
        StringBuilder report = new StringBuilder("\nDevelopment set: " + set.questions().size() + " questions\n");
        byCategory.forEach((category, c) -> report.append(String.format(Locale.ROOT, "  %-12s %3d/%3d  %.3f%n",
                category, c[1], c[0], (double) c[1] / c[0])));
        report.append(String.format(Locale.ROOT, "  answerable hit@3 %.3f, wrongly refused %.3f, off-topic answered %d%n",
                hitRate, refusedRate, offTopicAnswered.size()));
        misses.forEach(m -> report.append("  ").append(m).append('\n'));
        offTopicAnswered.forEach(m -> report.append("  OFF-TOPIC ANSWERED ").append(m).append('\n'));
        System.out.println(report);

        assertTrue(hitRate >= MIN_HIT_AT_3, "hit@3 " + hitRate + " is below " + MIN_HIT_AT_3 + report);
        assertTrue(refusedRate <= MAX_WRONGLY_REFUSED, "wrongly refused " + refusedRate + report);
        assertEquals(List.of(), offTopicAnswered, "every off-topic question must be refused" + report);
    }
}
