package org.crisisdesk.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceVectorsTest {

    @TempDir
    Path dir;

    @Test
    void everySentenceHasAVectorInBothLanguagesAndTheClosestIsFound() throws Exception {
        try (Opened opened = open()) {
            IndexReader reader = opened.generation.searcher().getIndexReader();
            WordEmbedder embedder = new WordEmbedder("words");
            SentenceVectors vectors = SentenceVectors.build(reader, embedder);
            assertEquals(vectors.count(), embedder.embedded.get());
            int sentences = 0;
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                List<IndexedSentence> own = SentenceVectors.sentences(reader.storedFields().document(doc));
                for (int i = 0; i < own.size(); i++) {
                    assertNotNull(vectors.get(doc, i, Language.EN));
                    assertNotNull(vectors.get(doc, i, Language.FR));
                    sentences++;
                }
                assertNull(vectors.get(doc, own.size(), Language.EN));
            }
            assertTrue(sentences > 10, "fixture sentences: " + sentences);
            // A sentence asked word for word is its own closest sentence.
            List<IndexedSentence> first = SentenceVectors.sentences(reader.storedFields().document(0));
            String asked = first.get(first.size() - 1).en();
            SentenceVectors.Match match = vectors.best(embedder.query(asked), Language.EN).orElseThrow();
            assertEquals(1f, match.cosine(), 1e-5);
            assertEquals(asked, SentenceVectors.sentences(reader.storedFields().document(match.doc()))
                    .get(match.sentence()).en());
        }
    }

    @Test
    void aGenerationIsEmbeddedOnceThenReadFromItsCache() throws Exception {
        try (Opened opened = open()) {
            IndexReader reader = opened.generation.searcher().getIndexReader();
            WordEmbedder first = new WordEmbedder("words");
            SentenceVectors built = SentenceVectors.cached(reader, first, opened.directory);
            assertTrue(first.embedded.get() > 0);
            assertTrue(Files.isRegularFile(opened.directory.resolve("semantic-words.vec")));

            WordEmbedder second = new WordEmbedder("words");
            SentenceVectors read = SentenceVectors.cached(reader, second, opened.directory);
            assertEquals(0, second.embedded.get(), "read from the cache, not embedded again");
            assertEquals(built.count(), read.count());
            assertTrue(java.util.Arrays.equals(built.get(0, 0, Language.FR), read.get(0, 0, Language.FR)));

            WordEmbedder otherModel = new WordEmbedder("other");
            SentenceVectors.cached(reader, otherModel, opened.directory);
            assertNotEquals(0, otherModel.embedded.get(), "another model's vectors are its own");
        }
    }

    @Test
    void aDamagedCacheIsRebuiltNotTrusted() throws Exception {
        try (Opened opened = open()) {
            IndexReader reader = opened.generation.searcher().getIndexReader();
            Files.write(opened.directory.resolve("semantic-words.vec"), new byte[] {1, 2, 3});
            WordEmbedder embedder = new WordEmbedder("words");
            SentenceVectors vectors = SentenceVectors.cached(reader, embedder, opened.directory);
            assertEquals(vectors.count(), embedder.embedded.get());
            assertNotNull(vectors.get(0, 0, Language.EN));
        }
    }

    private record Opened(Engine engine, Generation generation, Path directory) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            generation.searcher().getIndexReader().close();
            engine.close();
        }
    }

    private Opened open() throws Exception {
        EngineConfig config = Fixtures.config(dir);
        Engine engine = Engine.open(config, org.crisisdesk.index.ProgressListener.NONE);
        IndexStore store = new IndexStore(config.index());
        String name = store.current().orElseThrow();
        Path directory = store.directory(name);
        return new Opened(engine, Generation.open(name, directory), directory);
    }
}
