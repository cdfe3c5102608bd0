package org.crisisdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.index.Reindexer;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticKnowledgeTest {

    @Test
    void generatedBasesAreDeterministicAndMadeOnDemand() throws Exception {
        KnowledgeBase real = new KnowledgeLoader().load(Fixtures.fixtureKnowledge());
        KnowledgeBase one = SyntheticKnowledge.of(real, 1_000_000, 7);
        KnowledgeBase again = SyntheticKnowledge.of(real, 1_000_000, 7);
        KnowledgeBase other = SyntheticKnowledge.of(real, 1_000_000, 8);
        assertEquals(1_000_000, one.passages().size());
        assertEquals(one.passages().get(123_456), again.passages().get(123_456));
        assertNotEquals(one.passages().get(123_456).text(), other.passages().get(123_456).text());
        assertEquals(real.passages().get(0), one.passages().get(0), "the real texts come first");
        assertTrue(one.events().size() > 190_000);
    }

    @Test
    void aLargeBaseIsIndexedInParallelCompletelyAndStillAnswers(@TempDir Path dir) throws Exception {
        KnowledgeBase real = new KnowledgeLoader().load(Fixtures.fixtureKnowledge());
        KnowledgeBase big = SyntheticKnowledge.of(real, 25_000, 1);
        IndexStore store = new IndexStore(dir.resolve("index"));
        ReindexReport report = new Reindexer(() -> big, store, Clock.systemUTC())
                .reindex(Optional.empty(), ProgressListener.NONE);
        assertEquals(25_000, report.manifest().passages());
        EngineConfig config = EngineConfig.fromEnvironment(Map.of()).withKnowledge(dir.resolve("none"))
                .withIndex(dir.resolve("index"));
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertTrue(engine.ask("which resolution ended minusma's mandate?").answered());
            assertEquals(big.events().size(), engine.timeline(org.crisisdesk.timeline.TimelineQuery.all()).total());
        }
    }
}
