package org.crisisdesk.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validate, build a fresh generation beside the one in service, check it, and only then switch to it. A failure
 * at any step leaves the generation in service untouched; two reindexes never run at once.
 */
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    /** Where a reindex reads the knowledge base from: normally a directory, in benchmarks a generated base. */
    @FunctionalInterface
    public interface KnowledgeSource {
        KnowledgeBase load() throws InvalidKnowledgeException, IOException;
    }

    private final KnowledgeSource knowledge;
    private final IndexStore store;
    private final IndexBuilder builder;
    private final Clock clock;
    private final ReentrantLock inProcess = new ReentrantLock();

    public Reindexer(Path knowledgeDirectory, IndexStore store, KnowledgeLoader loader, Clock clock) {
        this(() -> loader.load(knowledgeDirectory), store, clock);
    }

    public Reindexer(KnowledgeSource knowledge, IndexStore store, Clock clock) {
        this.knowledge = knowledge;
        this.store = store;
        this.builder = new IndexBuilder(clock);
        this.clock = clock;
    }

    /** Builds and publishes a new generation; the caller refreshes its {@link GenerationManager} afterwards. */
    public ReindexReport reindex(Optional<IndexManifest> previous, ProgressListener progress)
            throws InvalidKnowledgeException, ReindexInProgressException, IOException {
        if (!inProcess.tryLock()) {
            throw new ReindexInProgressException();
        }
        try {
            IndexStore.ReindexLock lock = store.tryLock().orElseThrow(ReindexInProgressException::new);
            try {
                return buildAndPublish(previous, progress);
            } finally {
                lock.close();
            }
        } finally {
            inProcess.unlock();
        }
    }

    private ReindexReport buildAndPublish(Optional<IndexManifest> previous, ProgressListener progress)
            throws InvalidKnowledgeException, IOException {
        long started = clock.millis();
        progress.progress("validating", 0, 0);
        KnowledgeBase kb = knowledge.load();
        List<String> abandoned = store.generations().stream().filter(n -> n.endsWith(".building")).toList();
        for (String name : abandoned) {
            LOG.info("removing an abandoned build: {}", store.directory(name));
            IndexStore.deleteRecursively(store.directory(name));
        }
        Path building = store.startBuild();
        String generation;
        IndexManifest manifest;
        try {
            manifest = builder.build(kb, building, progress);
            verify(building, kb);
            generation = store.complete(building);
        } catch (IOException | RuntimeException e) {
            IndexStore.deleteRecursively(building);
            throw e;
        }
        store.publish(generation);
        List<String> removed = store.cleanUp();
        if (!removed.isEmpty()) {
            LOG.debug("removed old generations {}", removed);
        }
        Duration elapsed = Duration.ofMillis(clock.millis() - started);
        LOG.info("published index generation {} in {} ms", generation, elapsed.toMillis());
        return new ReindexReport(generation, manifest, previous, elapsed);
    }

    /** Reads the new commit and its sources back before they may serve: they open and hold what was written. */
    private static void verify(Path building, KnowledgeBase kb) throws IOException {
        try (FSDirectory dir = FSDirectory.open(building); DirectoryReader reader = DirectoryReader.open(dir)) {
            int expected = kb.passages().size() + kb.events().size();
            if (reader.numDocs() != expected) {
                throw new IOException("the new index holds " + reader.numDocs() + " documents, expected " + expected);
            }
            IndexManifest.fromCommitData(reader.getIndexCommit().getUserData());
            int sources = SourcesFile.read(building).size();
            if (sources != kb.sources().size()) {
                throw new IOException("the new index holds " + sources + " sources, expected " + kb.sources().size());
            }
        }
    }
}
