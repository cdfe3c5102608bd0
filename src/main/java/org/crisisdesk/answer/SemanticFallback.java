package org.crisisdesk.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.crisisdesk.citation.CitationNumbering;
import org.crisisdesk.index.Generation;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.Embedders;
import org.crisisdesk.semantic.SentenceVectors;

/**
 * Semantic matching (issue 12, measured in {@code src/site/markdown/semantic-matching.md}): a question the engine
 * would refuse for want of a confident match is answered, marked partial, by the sentence of the whole base closest
 * in meaning, when the model reads the question's language (e5-small-v2: English only), its cosine reaches a
 * threshold and the refusal's nearest topics (the texts closest by words) name
 * that sentence's text. Off unless {@code CRISISDESK_SEMANTIC} names a model the build carries ({@code mvn
 * -Psemantic}); it never touches a question the engine answers.
 *
 * <p>Every sentence of a generation is embedded in both languages once, in the background, and cached in the
 * generation's directory (about 25 s of CPU for the shipped base on 2 cores, then about 0.2 s to read back); until
 * the vectors are ready the engine refuses as it would without the model.
 */
final class SemanticFallback {

    static final SemanticFallback NONE = new SemanticFallback(null, Double.NaN);

    /** The e5-small-v2 threshold chosen on the development set and outsider sets a and b. */
    static final double DEFAULT_THRESHOLD = 0.85;
    /** How long a refused question waits for a generation's vectors: enough to read them from the cache. */
    private static final long WAIT_MILLIS = 2_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SemanticFallback.class);

    private final Embedder embedder;
    private final double threshold;
    private volatile Prepared prepared;

    private record Prepared(Generation generation, CompletableFuture<SentenceVectors> vectors) {
    }

    SemanticFallback(Embedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    /** What {@code CRISISDESK_SEMANTIC} (the model) and {@code CRISISDESK_SEMANTIC_THRESHOLD} ask for. */
    static SemanticFallback fromEnvironment(Map<String, String> environment) {
        Optional<Embedder> embedder = Embedders.fromEnvironment(environment);
        if (embedder.isEmpty()) {
            return NONE;
        }
        String threshold = environment.getOrDefault("CRISISDESK_SEMANTIC_THRESHOLD", "").strip();
        return new SemanticFallback(embedder.get(),
                threshold.isEmpty() ? DEFAULT_THRESHOLD : Double.parseDouble(threshold));
    }

    /** The model's name, or empty when off. */
    Optional<String> model() {
        return Optional.ofNullable(embedder).map(Embedder::name);
    }

    /** The vectors of {@code generation}, being computed or read in the background (started on first call). */
    CompletableFuture<SentenceVectors> vectors(Generation generation) {
        Prepared current = prepared;
        if (current != null && current.generation() == generation) {
            return current.vectors();
        }
        synchronized (this) {
            current = prepared;
            if (current != null && current.generation() == generation) {
                return current.vectors();
            }
            // A thread of its own: embedding takes seconds and must not hold the common pool's only worker.
            CompletableFuture<SentenceVectors> vectors = CompletableFuture.supplyAsync(() -> load(generation),
                    task -> {
                        Thread thread = new Thread(task, "semantic-vectors-" + generation.name());
                        thread.setDaemon(true);
                        thread.start();
                    });
            prepared = new Prepared(generation, vectors);
            return vectors;
        }
    }

    private SentenceVectors load(Generation generation) {
        long start = System.nanoTime();
        try {
            IndexReader reader = generation.searcher().getIndexReader();
            Optional<Path> directory = directoryOf(reader);
            SentenceVectors vectors = directory.isPresent()
                    ? SentenceVectors.cached(reader, embedder, directory.get())
                    : SentenceVectors.build(reader, embedder);
            LOG.info("sentence vectors of generation {} ready ({} texts, {}) in {} ms", generation.name(),
                    vectors.count(), embedder.name(), (System.nanoTime() - start) / 1_000_000);
            return vectors;
        } catch (IOException | RuntimeException e) {
            LOG.warn("no sentence vectors for generation {}: {}", generation.name(), e.toString());
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The partial answer for a question the engine refuses ({@code refused}), or empty: when off, when the model
     * was not trained on the question's language, when the generation's vectors are not ready, when no sentence is close enough, or when the refusal's nearest topics do
     * not name the closest sentence's text.
     */
    Optional<Answer> fallback(Question question, Answer refused, Generation generation) {
        if (embedder == null || !embedder.languages().contains(question.language())) {
            return Optional.empty();
        }
        SentenceVectors vectors;
        try {
            vectors = vectors(generation).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Optional<SentenceVectors.Match> match = vectors.best(embedder.query(question.text()), question.language());
        if (match.isEmpty() || match.get().cosine() < threshold) {
            return Optional.empty();
        }
        DocumentView view;
        try {
            view = DocumentView.of(generation.searcher().getIndexReader().storedFields().document(match.get().doc()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!corroborated(view, refused.suggestions())) {
            return Optional.empty();
        }
        SentenceChooser.Scored scored = new SentenceChooser.Scored(
                new SentenceChooser.Candidate(match.get().doc(), view, 1), match.get().sentence(), 1, 1, 0, false,
                List.of(), new double[RankedSentence.FEATURES.length]);
        CitationNumbering numbering = new CitationNumbering(generation.sources());
        Snippet snippet = new SnippetBuilder(question, numbering, generation.sources()).build(scored, List.of(scored));
        return Optional.of(new Answer(refused.question(), true, refused.confidence(), List.of(snippet),
                numbering.citations(), Optional.empty(), List.of(), Optional.empty(), question.type(),
                question.language(), view.asOf(), Optional.empty(), Answer.Outcome.ANSWERED,
                view.event() ? view.topics().stream().findFirst() : Optional.of(view.title(question.language())),
                true, refused.features()));
    }

    /** Whether the nearest topics by words name the text: its title in either language, or one of its topics. */
    static boolean corroborated(DocumentView view, List<String> nearest) {
        for (String topic : nearest) {
            if (!topic.isEmpty() && (topic.equals(view.title()) || topic.equals(view.titleFr())
                    || view.topics().contains(topic))) {
                return true;
            }
        }
        return false;
    }

    /** The generation's own directory, where its sentence vectors are cached, when it is on disk. */
    private static Optional<Path> directoryOf(IndexReader reader) {
        if (reader instanceof DirectoryReader directoryReader
                && FilterDirectory.unwrap(directoryReader.directory()) instanceof FSDirectory fs) {
            return Optional.of(fs.getDirectory());
        }
        return Optional.empty();
    }
}
