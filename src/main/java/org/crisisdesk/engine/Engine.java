package org.crisisdesk.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.AnswerEngine;
import org.crisisdesk.answer.AskRequest;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.GenerationManager;
import org.crisisdesk.index.IndexManifest;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.index.ReindexInProgressException;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.index.Reindexer;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.timeline.Timeline;
import org.crisisdesk.timeline.TimelinePage;
import org.crisisdesk.timeline.TimelineQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole engine behind one small surface: ask, timeline, sources, reindex. Front ends (command line, console,
 * Discord) hold one of these and know nothing of Lucene. Thread-safe.
 */
public final class Engine implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final IndexStore store;
    private final Reindexer reindexer;
    private final GenerationManager generations;
    private final AnswerEngine answers;
    private final Timeline timeline;
    private volatile EngineObserver observer = EngineObserver.NONE;

    private Engine(EngineConfig config, IndexStore store, Reindexer reindexer, Generation initial) {
        this.config = config;
        this.store = store;
        this.reindexer = reindexer;
        this.generations = new GenerationManager(store, initial);
        this.answers = new AnswerEngine(generations, config.policy());
        this.timeline = new Timeline(generations);
    }

    /**
     * Opens the index in service, building it first when there is none, when it is damaged, or when the knowledge
     * base changed since it was built. If the knowledge base is invalid but an index exists, that index keeps
     * serving and a warning says why.
     */
    public static Engine open(EngineConfig config, ProgressListener progress) throws EngineException, IOException {
        KnowledgeLoader loader = new KnowledgeLoader();
        IndexStore store = new IndexStore(config.index());
        Reindexer reindexer = new Reindexer(config.knowledge(), store, loader, Clock.systemUTC());
        Optional<Generation> existing = openCurrent(store);
        boolean stale = existing.isPresent() && isStale(existing.get().manifest(), config, loader);
        if (existing.isPresent() && !stale) {
            return new Engine(config, store, reindexer, existing.get());
        }
        if (stale) {
            LOG.info("the knowledge base changed since index generation {} was built; rebuilding",
                    existing.get().name());
        } else {
            LOG.info("no usable index in {}; building it from {}", config.index(), config.knowledge());
        }
        try {
            reindexer.reindex(existing.map(Generation::manifest), progress);
        } catch (InvalidKnowledgeException e) {
            if (existing.isPresent()) {
                LOG.warn("{}; still serving index generation {} (run 'validate' to see them)", e.getMessage(),
                        existing.get().name());
                return new Engine(config, store, reindexer, existing.get());
            }
            throw new EngineException("cannot build the index: " + e.getMessage(), e.problems(), e);
        } catch (ReindexInProgressException e) {
            if (existing.isPresent()) {
                LOG.warn("another process is reindexing; serving generation {} until it is done", existing.get().name());
                return new Engine(config, store, reindexer, existing.get());
            }
            throw new EngineException("another process is building the index; try again when it is done", List.of(), e);
        }
        existing.ifPresent(Engine::closeQuietly);
        Optional<Generation> built = openCurrent(store);
        if (built.isEmpty()) {
            throw new EngineException("the index was built but cannot be opened: " + config.index(), List.of(), null);
        }
        return new Engine(config, store, reindexer, built.get());
    }

    /**
     * Rebuilds the index without opening it for questions (the {@code reindex} command): a process that is serving
     * picks the new generation up on its next refresh.
     */
    public static ReindexReport rebuild(EngineConfig config, ProgressListener progress)
            throws InvalidKnowledgeException, ReindexInProgressException, IOException {
        IndexStore store = new IndexStore(config.index());
        Optional<Generation> existing = openCurrent(store);
        Optional<IndexManifest> previous = existing.map(Generation::manifest);
        existing.ifPresent(Engine::closeQuietly);
        return new Reindexer(config.knowledge(), store, new KnowledgeLoader(), Clock.systemUTC())
                .reindex(previous, progress);
    }

    /**
     * What {@link #health} found: the generation in service, what it holds, how long a probe question took, and
     * whether the knowledge base changed since it was built.
     */
    public record Health(String generation, IndexManifest manifest, long probeMillis, boolean stale) {
    }

    /** The index was built from other knowledge than what the knowledge directory (if there is one) holds now. */
    private static boolean isStale(IndexManifest manifest, EngineConfig config, KnowledgeLoader loader)
            throws IOException {
        return Files.isDirectory(config.knowledge())
                && !manifest.fingerprint().equals(loader.fingerprint(config.knowledge()));
    }

    /**
     * Checks, without building anything, that the index in service opens and answers a question: the container's
     * health check. Throws with the reason when it does not.
     */
    public static Health health(EngineConfig config) throws IOException {
        IndexStore store = new IndexStore(config.index());
        String name = store.current().orElseThrow(() -> new IOException("no index in " + config.index()
                + " (run 'reindex')"));
        GenerationManager manager = new GenerationManager(store, Generation.open(name, store.directory(name)));
        try {
            long start = System.nanoTime();
            new AnswerEngine(manager, config.policy()).ask("MINUSMA");
            long millis = (System.nanoTime() - start) / 1_000_000;
            IndexManifest manifest = manager.read(Generation::manifest);
            return new Health(name, manifest, millis, isStale(manifest, config, new KnowledgeLoader()));
        } finally {
            manager.close();
        }
    }

    private static Optional<Generation> openCurrent(IndexStore store) throws IOException {
        Optional<String> current = store.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Generation.open(current.get(), store.directory(current.get())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("index generation {} cannot be opened ({}); it will be rebuilt", current.get(), e.toString());
            return Optional.empty();
        }
    }

    /** Reports answers and reindexes to {@code observer} from now on (metrics); one observer at a time. */
    public void observe(EngineObserver newObserver) {
        this.observer = newObserver;
    }

    public Answer ask(String question) {
        return ask(AskRequest.of(question));
    }

    /** A question with its conversation's context and the language to fall back on. */
    public Answer ask(AskRequest request) {
        long start = System.nanoTime();
        Answer answer = answers.ask(request);
        observer.answered(answer, Duration.ofNanos(System.nanoTime() - start));
        return answer;
    }

    /** Every candidate sentence for a question as the engine ranks it (calibration, diagnostics). */
    public List<org.crisisdesk.answer.RankedSentence> candidates(AskRequest request) {
        return answers.candidates(request);
    }

    public TimelinePage timeline(TimelineQuery query) {
        return timeline.find(query);
    }

    public List<String> topics() {
        return timeline.topics();
    }

    /** The sources of the generation in service, by id. */
    public List<Source> sources() {
        return generations.read(generation -> List.copyOf(generation.sources().values()));
    }

    /** The manifest of the generation in service. */
    public IndexManifest manifest() {
        return generations.read(Generation::manifest);
    }

    /** Validates, rebuilds and swaps in a new generation; answers keep flowing from the old one meanwhile. */
    public ReindexReport reindex(ProgressListener progress)
            throws InvalidKnowledgeException, ReindexInProgressException, IOException {
        ReindexReport report;
        try {
            report = reindexer.reindex(Optional.of(manifest()), progress);
        } catch (InvalidKnowledgeException | IOException e) {
            observer.reindexFailed(e);
            throw e;
        }
        generations.maybeRefreshBlocking();
        observer.reindexed(report);
        return report;
    }

    /** Picks up a generation another process published; cheap when nothing changed. */
    public boolean refresh() throws IOException {
        return generations.maybeRefresh();
    }

    public EngineConfig config() {
        return config;
    }

    public IndexStore store() {
        return store;
    }

    @Override
    public void close() throws IOException {
        generations.close();
    }

    private static void closeQuietly(Generation generation) {
        try {
            generation.discard();
        } catch (IOException e) {
            LOG.debug("closing a replaced generation failed: {}", e.toString());
        }
    }
}
