package org.crisisdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {

    @TempDir
    Path dir;

    private Path knowledge;
    private IndexStore store;
    private Reindexer reindexer;

    @BeforeEach
    void setUp() {
        knowledge = Fixtures.copyKnowledge(dir);
        store = new IndexStore(dir.resolve("index"));
        reindexer = new Reindexer(knowledge, store, new KnowledgeLoader(), Clock.systemUTC());
    }

    @Test
    void publishesNumberedGenerationsAndKeepsOnlyThePreviousOne() throws Exception {
        ReindexReport first = reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        assertEquals("gen-000001", first.generation());
        assertEquals(Optional.of("gen-000001"), store.current());
        assertEquals(3, first.manifest().passages());
        assertEquals(4, first.manifest().events());

        reindexer.reindex(Optional.of(first.manifest()), ProgressListener.NONE);
        ReindexReport third = reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        assertEquals(Optional.of("gen-000003"), store.current());
        assertEquals(List.of("gen-000002", "gen-000003"), store.generations());
        assertEquals("3 passages, 4 events, 4 sources", third.summary());
    }

    @Test
    void anInvalidKnowledgeBaseLeavesTheServingGenerationUntouched() throws Exception {
        reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        Files.writeString(knowledge.resolve("events/broken.yaml"), "events:\n  - id: x-1\n    date: 2020-99\n");
        assertThrows(InvalidKnowledgeException.class, () -> reindexer.reindex(Optional.empty(), ProgressListener.NONE));
        assertEquals(Optional.of("gen-000001"), store.current());
        assertEquals(List.of("gen-000001"), store.generations(), "no half-built generation is left behind");
        Generation generation = openCurrent();
        try {
            assertEquals(4, generation.manifest().events());
        } finally {
            generation.discard();
        }
    }

    @Test
    void anAbandonedBuildIsRemovedByTheNextReindex() throws Exception {
        reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        Path abandoned = store.startBuild();
        Files.writeString(abandoned.resolve("_0.cfs"), "half written");
        assertEquals(Optional.of("gen-000001"), store.current(), "a build in progress is never current");
        reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        assertFalse(Files.exists(abandoned));
        assertEquals(Optional.of("gen-000002"), store.current());
        assertEquals(List.of("gen-000001", "gen-000002"), store.generations());
    }

    @Test
    void refusesToRunWhileAnotherProcessHoldsTheLock() throws Exception {
        IndexStore.ReindexLock held = store.tryLock().orElseThrow();
        try {
            assertThrows(ReindexInProgressException.class,
                    () -> reindexer.reindex(Optional.empty(), ProgressListener.NONE));
        } finally {
            held.close();
        }
        reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        assertTrue(store.current().isPresent());
    }

    @Test
    void aSearcherAcquiredBeforeASwapStaysUsableAndTheManagerMovesOn() throws Exception {
        reindexer.reindex(Optional.empty(), ProgressListener.NONE);
        String current = store.current().orElseThrow();
        GenerationManager manager = new GenerationManager(store, Generation.open(current, store.directory(current)));
        Generation held = manager.acquire();
        try {
            Files.writeString(knowledge.resolve("events/more.yaml"), """
                    events:
                      - id: 2024-01-28-ecowas-exit
                        date: 2024-01-28
                        en: Mali, Burkina Faso and Niger announce that they are leaving ECOWAS.
                        fr: Le Mali, le Burkina Faso et le Niger annoncent qu'ils quittent la CEDEAO.
                        sources: [un-press-sc15341]
                    """);
            reindexer.reindex(Optional.empty(), ProgressListener.NONE);
            assertTrue(manager.maybeRefresh());
            Generation fresh = manager.acquire();
            try {
                assertEquals("gen-000002", fresh.name());
                assertEquals(5, fresh.manifest().events());
            } finally {
                manager.release(fresh);
            }
            TermQuery events = new TermQuery(new Term(Fields.KIND, Fields.KIND_EVENT));
            assertEquals(4, held.searcher().count(events), "the old generation still answers for its holder");
        } finally {
            manager.release(held);
        }
        manager.close();
    }

    private Generation openCurrent() throws Exception {
        String name = store.current().orElseThrow();
        return Generation.open(name, store.directory(name));
    }
}
