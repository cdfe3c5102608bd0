package org.crisisdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.engine.EngineException;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.index.ReindexInProgressException;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.index.Reindexer;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.TimelineQuery;

/**
 * Measures the engine at one knowledge-base size: build, index size, reindex with the swap, {@code ask} latency and
 * throughput, {@code timeline} latency, and the floor: a bare Lucene BM25 top-10 search for the same questions on
 * the same index, so the cost of everything we add on top of Lucene shows as a ratio.
 */
public final class Benchmark {

    /** Questions per latency run after warm-up; enough for a stable p99 without making the benchmark slow. */
    private static final int MEASURED_ROUNDS = 5;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int TIMELINE_QUERIES = 500;
    /** Throughput runs per thread count, for ours and for the floor alternately; the median is reported. */
    private static final int THROUGHPUT_RUNS = 3;
    /** The least a throughput run asks, in whole rounds of the questions, whatever its time. */
    private static final int THROUGHPUT_ROUNDS = 2;
    private static final int READY_RUNS = 3;

    private final KnowledgeBase real;
    private final Path knowledgeDirectory;
    private final List<String> questions;
    private final Path work;
    private final ProgressListener progress;
    private final long seed;
    private final Duration warmUp;
    private final Duration throughputRun;

    /**
     * @param real               the knowledge base as loaded from {@code knowledgeDirectory}
     * @param knowledgeDirectory where it was loaded from: the start-to-ready probe opens the index as a server does,
     *                           checking it against these files
     * @param warmUp             the least time questions run before any is timed (and at least three rounds)
     * @param throughputRun      the least time one throughput run lasts (and at least two rounds of questions)
     */
    public Benchmark(KnowledgeBase real, Path knowledgeDirectory, List<String> questions, Path work, long seed,
            Duration warmUp, Duration throughputRun, ProgressListener progress) {
        this.real = real;
        this.knowledgeDirectory = knowledgeDirectory;
        this.questions = List.copyOf(questions);
        this.work = work;
        this.seed = seed;
        this.warmUp = warmUp;
        this.throughputRun = throughputRun;
        this.progress = progress;
    }

    /** Runs one size: {@code passages} of 0 means the real base as it is. */
    public BenchResult run(String label, int passages, List<Integer> threadCounts)
            throws IOException, InvalidKnowledgeException, ReindexInProgressException, EngineException,
            InterruptedException {
        KnowledgeBase kb = passages <= 0 ? real : SyntheticKnowledge.of(real, passages, seed);
        Path indexDir = work.resolve("index-" + label);
        IndexStore.deleteRecursively(indexDir);
        IndexStore store = new IndexStore(indexDir);
        Reindexer reindexer = new Reindexer(() -> kb, store, Clock.systemUTC());

        long buildStart = System.nanoTime();
        ReindexReport built = reindexer.reindex(Optional.empty(), phase(label + ": build"));
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        double indexMiB = size(store.directory(built.generation())) / (1024.0 * 1024.0);

        // A generated base has no knowledge files: opened against the real ones, its index would be found stale and
        // rebuilt from them.
        Path knowledge = passages <= 0 ? knowledgeDirectory : work.resolve("no-knowledge-directory");
        double ready = startToReady(indexDir, knowledge);
        EngineConfig config = EngineConfig.fromEnvironment(Map.of()).withKnowledge(knowledge).withIndex(indexDir);
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            if (engine.manifest().passages() != kb.passages().size()) {
                throw new IllegalStateException("the index in service has " + engine.manifest().passages()
                        + " passages, not the " + kb.passages().size() + " built for " + label);
            }
            engine.ask(questions.get(0));
            double heapAfterLoad = heapMiB();

            progress.progress(label + ": ask latency", 0, 0);
            warmUp(questions, engine::ask);
            BenchResult.Latency ask = BenchResult.Latency.of(time(questions, MEASURED_ROUNDS, engine::ask));
            progress.progress(label + ": timeline latency", 0, 0);
            BenchResult.Latency timeline = timeline(engine);

            progress.progress(label + ": bare Lucene latency", 0, 0);
            BenchResult.Latency bare;
            Map<Integer, Double> throughput = new LinkedHashMap<>();
            Map<Integer, Double> bareThroughput = new LinkedHashMap<>();
            String name = store.current().orElseThrow();
            Generation generation = Generation.open(name, store.directory(name));
            try {
                Consumer<String> search = bareSearch(generation);
                warmUp(questions, search);
                bare = BenchResult.Latency.of(time(questions, MEASURED_ROUNDS, search));
                // Ours and the floor take turns, so that a change in the host's speed during the run (a shared
                // machine's is often 10%) falls on both rather than on whichever ran at the time.
                for (int threads : threadCounts) {
                    double[] ours = new double[THROUGHPUT_RUNS];
                    double[] floor = new double[THROUGHPUT_RUNS];
                    for (int run = 0; run < THROUGHPUT_RUNS; run++) {
                        progress.progress(label + ": throughput with " + threads + " threads, ours and bare Lucene",
                                run, THROUGHPUT_RUNS);
                        ours[run] = throughput(engine::ask, threads);
                        floor[run] = throughput(search, threads);
                    }
                    throughput.put(threads, median(ours));
                    bareThroughput.put(threads, median(floor));
                }
            } finally {
                generation.discard();
            }

            progress.progress(label + ": reindex while serving", 0, 0);
            long reindexStart = System.nanoTime();
            reindexer.reindex(Optional.of(built.manifest()), ProgressListener.NONE);
            engine.refresh();
            double reindexSeconds = (System.nanoTime() - reindexStart) / 1e9;
            double heapAfterRun = heapMiB();
            return new BenchResult(label, kb.passages().size(), kb.events().size(), buildSeconds,
                    kb.passages().size() / buildSeconds, indexMiB, reindexSeconds, ask, timeline, bare, throughput,
                    bareThroughput, heapAfterLoad, heapAfterRun, ready);
        }
    }

    /**
     * Seconds from starting a new JVM to its first answer: {@code crisisdesk ask} against the index just built, as
     * a server starts (index opened, checked against the knowledge files if there are any, one question answered),
     * with this JVM's heap limit. The median of three runs; a run that fails or takes over a minute makes the figure
     * missing.
     */
    private double startToReady(Path indexDir, Path knowledge) throws IOException, InterruptedException {
        progress.progress("start to ready (a new JVM answering one question)", 0, 0);
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String heap = "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m";
        List<String> command = List.of(javaBinary, heap, "-cp", System.getProperty("java.class.path"),
                "org.crisisdesk.cli.Main", "ask", questions.get(0));
        double[] seconds = new double[READY_RUNS];
        for (int run = 0; run < READY_RUNS; run++) {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put(EngineConfig.INDEX_VARIABLE, indexDir.toString());
            builder.environment().put(EngineConfig.KNOWLEDGE_VARIABLE, knowledge.toString());
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Double.NaN;
            }
            if (process.exitValue() != 0) {
                return Double.NaN;
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[READY_RUNS / 2];
    }

    /**
     * Runs the calls until the JIT has had its chance: at least {@link #WARM_UP_ROUNDS} rounds and the warm-up time
     * (three rounds of the shipped base take half a second, too short for it).
     */
    private <T> void warmUp(List<T> calls, Consumer<T> call) {
        long until = System.nanoTime() + warmUp.toNanos();
        for (int round = 0; round < WARM_UP_ROUNDS || System.nanoTime() < until; round++) {
            calls.forEach(call);
        }
    }

    /** The time of each call, {@code rounds} times over. */
    private static <T> long[] time(List<T> calls, int rounds, Consumer<T> call) {
        long[] nanos = new long[rounds * calls.size()];
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (T each : calls) {
                long start = System.nanoTime();
                call.accept(each);
                nanos[i++] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    /** Lucene alone: the same analyzer and field, BM25 top 10, no confidence, snippets or citations. */
    private static Consumer<String> bareSearch(Generation generation) {
        IndexSearcher searcher = generation.searcher();
        QueryBuilder builder = new QueryBuilder(generation.analysis().queryAnalyzer());
        return question -> {
            Query query = builder.createBooleanQuery(Fields.ALL, question, BooleanClause.Occur.SHOULD);
            if (query != null) {
                try {
                    searcher.search(query, 10);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Random periods and topics, the same for a seed; warmed up like the questions before any is timed. */
    private BenchResult.Latency timeline(Engine engine) {
        List<String> topics = engine.topics();
        Random random = new Random(seed);
        List<TimelineQuery> queries = new ArrayList<>(TIMELINE_QUERIES);
        for (int i = 0; i < TIMELINE_QUERIES; i++) {
            int from = 2012 + random.nextInt(14);
            queries.add(new TimelineQuery(PartialDate.parse(Integer.toString(from)),
                    PartialDate.parse(Integer.toString(from + random.nextInt(3))),
                    random.nextBoolean() && !topics.isEmpty()
                            ? Optional.of(topics.get(random.nextInt(Math.min(50, topics.size()))))
                            : Optional.empty(),
                    0, 10));
        }
        warmUp(queries, engine::timeline);
        return BenchResult.Latency.of(time(queries, 1, engine::timeline));
    }

    /**
     * Questions per second from {@code threads} threads asking the questions in turn for at least
     * {@link #throughputRun} and at least {@link #THROUGHPUT_ROUNDS} rounds of them.
     */
    private double throughput(Consumer<String> ask, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        int leastQuestions = THROUGHPUT_ROUNDS * questions.size();
        long start = System.nanoTime();
        long until = start + throughputRun.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < leastQuestions || System.nanoTime() < until) {
                    ask.accept(questions.get(i % questions.size()));
                    answered.incrementAndGet();
                }
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("throughput run did not finish in 10 minutes");
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a question failed during the throughput run", e.getCause());
            }
        }
        return answered.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private ProgressListener phase(String name) {
        return (phase, done, total) -> progress.progress(name + " (" + phase + ")", done, total);
    }

    private static double heapMiB() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
