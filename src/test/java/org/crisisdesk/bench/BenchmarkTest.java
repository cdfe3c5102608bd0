package org.crisisdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

    private static final List<String> QUESTIONS = List.of("which resolution ended minusma's mandate?",
            "when did soldiers detain president Keïta?", "who is assimi goita?", "how do I bake bread?");

    @Test
    @Timeout(180)
    void measuresEverySizeOnItsOwnIndexIncludingANewJvmsStart(@TempDir Path dir) throws Exception {
        KnowledgeBase real = new KnowledgeLoader().load(Fixtures.fixtureKnowledge());
        Benchmark benchmark = new Benchmark(real, Fixtures.fixtureKnowledge(), QUESTIONS, dir, 7, Duration.ZERO,
                Duration.ZERO, ProgressListener.NONE);
        for (BenchResult result : List.of(benchmark.run("shipped", 0, List.of(1, 2)),
                benchmark.run("2k", 2_000, List.of(1, 2)))) {
            assertEquals(QUESTIONS.size() * 5, result.ask().calls(), result.toString());
            assertEquals(QUESTIONS.size() * 5, result.bare().calls(), result.toString());
            assertTrue(result.ask().p50() > 0 && result.ask().p50() <= result.ask().p99(), result.toString());
            assertEquals(Set.of(1, 2), result.throughput().keySet());
            assertEquals(Set.of(1, 2), result.bareThroughput().keySet());
            result.throughput().values().forEach(perSecond -> assertTrue(perSecond > 0));
            result.bareThroughput().values().forEach(perSecond -> assertTrue(perSecond > 0));
            assertTrue(result.readySeconds() > 0, "a new JVM answered: " + result.readySeconds());
        }
        // The start probe opens the generated index as a server would. Given the real knowledge files, it found the
        // index stale and rebuilt it from them, and every later figure measured the small base; the benchmark now
        // checks that the index it measures is the one it built.
        IndexStore generated = new IndexStore(dir.resolve("index-2k"));
        String name = generated.current().orElseThrow();
        Generation generation = Generation.open(name, generated.directory(name));
        try {
            assertEquals(2_000, generation.manifest().passages());
        } finally {
            generation.discard();
        }
    }
}
