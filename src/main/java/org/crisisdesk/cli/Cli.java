package org.crisisdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.bench.BenchReport;
import org.crisisdesk.bench.BenchResult;
import org.crisisdesk.bench.Benchmark;
import org.crisisdesk.console.ConsoleSession;
import org.crisisdesk.ops.Metrics;
import org.crisisdesk.ops.OpsServer;
import org.crisisdesk.discord.Bot;
import org.crisisdesk.discord.BotConfig;
import org.crisisdesk.discord.BotStartException;
import org.crisisdesk.feedback.GapsReport;
import org.crisisdesk.console.TextRenderer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.engine.EngineException;
import org.crisisdesk.eval.EvaluationReport;
import org.crisisdesk.eval.Evaluator;
import org.crisisdesk.eval.MarkdownTable;
import org.crisisdesk.eval.QuestionSet;
import org.crisisdesk.index.ReindexInProgressException;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.knowledge.Problem;
import org.crisisdesk.timeline.InvalidTimelineQueryException;
import org.crisisdesk.timeline.Timeline;
import org.crisisdesk.timeline.TimelineQuery;

/**
 * The command line: {@code ask}, {@code timeline}, {@code sources}, {@code validate}, {@code reindex},
 * {@code console} and {@code bot}. Results go to standard output, progress and diagnostics to standard error, so
 * {@code --json} output can always be piped. Exit status: 0 success, 1 failure, 2 bad usage.
 */
public final class Cli {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cli.class);

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    static final String DISCORD_TOKEN = "DISCORD_TOKEN";

    private static final String USAGE_TEXT = """
            Usage: crisisdesk [--knowledge DIR] [--index DIR] [COMMAND] [OPTIONS]

            Commands:
              ask [--json] [QUESTION...]   answer a question with cited snippets; with no QUESTION, answer each
                                           line of standard input (with --json, one JSON object per line)
              timeline [--from DATE] [--to DATE] [--topic TOPIC] [--offset N] [--limit N] [--json]
                                           dated events in order; DATE is YYYY, YYYY-MM or YYYY-MM-DD
              sources [--json]             the sources answers cite
              validate [--json]            check the knowledge base; every problem as file:line:column, then
                                           its figures (sources by kind, first-tier share, untranslated text,
                                           latest event, as-of date); --json: one object with all of them
              reindex                      validate, build a new index generation and switch to it
              health                       check that the index in service opens and answers (builds nothing)
              console                      the bot's commands at a local prompt (no Discord needed)
              eval [--set PATH] [--outsider PATH] [--json] [--calibrate FILE [--train NAME,...]] [--ranking]
                                           score the engine (and a plain BM25 baseline) on the development set
                                           (src/test/resources/devset), score what users see first on the
                                           outsider sets (src/test/resources/outsider, per category), and print
                                           the confidence's reliability table; --calibrate fits a new confidence
                                           model on the development set and outsider-b and -d and writes it;
                                           --ranking says how often an answering sentence is among the candidates
                                           and ranked first
              bench [--sizes shipped,10k,100k,1m] [--threads N] [--json FILE] [--seed N]
                                           measure build, latency, throughput and heap against bare Lucene
              bot                          the Discord bot (needs DISCORD_TOKEN or DISCORD_TOKEN_FILE; see README.md)
              gaps [--file PATH] [--limit N]
                                           for curators: the most frequent unanswered questions and the answers
                                           voted down, from the bot's feedback log (CRISISDESK_FEEDBACK_LOG,
                                           default data/feedback.jsonl)
              help                         this text

            With no COMMAND: the bot when DISCORD_TOKEN (or DISCORD_TOKEN_FILE) is set, otherwise the console.
            --knowledge DIR (or CRISISDESK_KNOWLEDGE, default ./knowledge) and --index DIR (or CRISISDESK_INDEX,
            default ./index) say where the knowledge base and the index are.
            Exit status: 0 success, 1 failure, 2 bad usage.
            """;

    private final Map<String, String> environment;
    private final BufferedReader stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final TextRenderer renderer = new TextRenderer();

    /** Runs the Discord bot until shutdown, then closes the engine; a stand-in in tests. */
    @FunctionalInterface
    interface BotServer {
        void serve(BotConfig config, Engine engine, Metrics metrics)
                throws BotStartException, InterruptedException, IOException;
    }

    private final BotServer botServer;

    public Cli(Map<String, String> environment, BufferedReader stdin, PrintStream stdout, PrintStream stderr) {
        this(environment, stdin, stdout, stderr, Bot::serve);
    }

    Cli(Map<String, String> environment, BufferedReader stdin, PrintStream stdout, PrintStream stderr,
        BotServer botServer) {
        this.botServer = botServer;
        this.environment = environment;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public int run(String... args) {
        try {
            return dispatch(List.of(args));
        } catch (UsageException e) {
            stderr.println("crisisdesk: " + e.getMessage());
            stderr.println("Run 'crisisdesk help' for usage.");
            return USAGE;
        } catch (EngineException e) {
            stderr.println("crisisdesk: " + e.getMessage());
            e.problems().forEach(p -> stderr.println(p));
            return FAILURE;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("crisisdesk: " + e.getMessage());
            return FAILURE;
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", e);
            stderr.println("crisisdesk: unexpected failure: " + e);
            return FAILURE;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    private int dispatch(List<String> args) throws UsageException, EngineException, IOException {
        EngineConfig config = EngineConfig.fromEnvironment(environment);
        List<String> rest = new ArrayList<>();
        // --knowledge and --index may stand before or after the command: people type both.
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
            String[] split = word.split("=", 2);
            if (!split[0].equals("--knowledge") && !split[0].equals("--index")) {
                rest.add(word);
                continue;
            }
            String value;
            if (split.length == 2) {
                value = split[1];
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(split[0] + " needs a value");
            }
            if (value.isBlank()) {
                throw new UsageException(split[0] + " needs a directory");
            }
            config = split[0].equals("--knowledge") ? config.withKnowledge(Path.of(value)) : config.withIndex(Path.of(value));
        }
        if (!rest.isEmpty() && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
            stdout.print(USAGE_TEXT);
            return OK;
        }
        if (!rest.isEmpty() && rest.get(0).startsWith("--")) {
            throw new UsageException("unknown option " + rest.get(0));
        }
        String command = rest.isEmpty() ? defaultCommand() : rest.remove(0);
        return switch (command) {
            case "ask" -> ask(config, rest);
            case "timeline" -> timeline(config, rest);
            case "sources" -> sources(config, rest);
            case "validate" -> new ValidateCommand(stdout, stderr).run(config.knowledge(), rest);
            case "reindex" -> reindex(config, rest);
            case "console" -> console(config, rest);
            case "eval" -> evaluate(config, rest);
            case "bench" -> bench(config, rest);
            case "health" -> health(config, rest);
            case "bot" -> bot(config, rest);
            case "gaps" -> gaps(rest);
            case "help", "-h" -> {
                stdout.print(USAGE_TEXT);
                yield OK;
            }
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private String defaultCommand() {
        return BotConfig.tokenGiven(environment) ? "bot" : "console";
    }

    private int ask(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        Arguments args = Arguments.parse(words, Set.of(), Set.of("json"));
        boolean json = args.flag("json");
        try (Engine engine = open(config)) {
            if (!args.positional().isEmpty()) {
                String question = String.join(" ", args.positional());
                stdout.println(json ? Json.answer(engine.ask(question)) : renderer.answer(engine.ask(question)));
                return OK;
            }
            String line;
            while ((line = stdin.readLine()) != null) {
                stdout.println(json ? Json.answer(engine.ask(line)) : renderer.answer(engine.ask(line)));
                stdout.flush();
            }
            return OK;
        }
    }

    private int timeline(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        Arguments args = Arguments.parse(words, Set.of("from", "to", "topic", "offset", "limit"), Set.of("json"));
        noPositional(args, "timeline");
        TimelineQuery query;
        try {
            query = Timeline.query(args.option("from").orElse(null), args.option("to").orElse(null),
                    args.option("topic").orElse(null), args.intOption("offset", 0, 0, Integer.MAX_VALUE / 2),
                    args.intOption("limit", TimelineQuery.MAX_LIMIT, 1, TimelineQuery.MAX_LIMIT));
        } catch (InvalidTimelineQueryException e) {
            throw new UsageException(e.getMessage());
        }
        try (Engine engine = open(config)) {
            var page = engine.timeline(query);
            stdout.print(args.flag("json") ? Json.timeline(page) + "\n" : renderer.timeline(page));
            return OK;
        }
    }

    private int sources(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        Arguments args = Arguments.parse(words, Set.of(), Set.of("json"));
        noPositional(args, "sources");
        try (Engine engine = open(config)) {
            var sources = engine.sources();
            stdout.print(args.flag("json") ? Json.sources(sources) + "\n"
                    : renderer.sources(sources, 0, sources.size()));
            return OK;
        }
    }

    private int reindex(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        noPositional(Arguments.parse(words, Set.of(), Set.of()), "reindex");
        try {
            ReindexReport report = Engine.rebuild(config, new StderrProgress(stderr));
            stdout.println("Published index generation " + report.generation() + " in "
                    + report.elapsed().toMillis() + " ms: " + report.summary() + ".");
            return OK;
        } catch (InvalidKnowledgeException e) {
            printProblems(e.problems());
            stderr.println("The index in service was not changed.");
            return FAILURE;
        } catch (ReindexInProgressException e) {
            stderr.println("crisisdesk: " + e.getMessage() + "; try again when it is done.");
            return FAILURE;
        }
    }

    private int console(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        noPositional(Arguments.parse(words, Set.of(), Set.of()), "console");
        try (Engine engine = open(config)) {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, java.nio.charset.StandardCharsets.UTF_8),
                    true);
            new ConsoleSession(engine, stdin, out).run();
            return OK;
        }
    }

    private int evaluate(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        Optional<KnowledgeBase> loaded = loadReportingProblems(config);
        if (loaded.isEmpty()) {
            return FAILURE;
        }
        return new EvalCommand(stdout, stderr, this::open).run(config, loaded.get(), words);
    }

    private int bench(EngineConfig config, List<String> words) throws UsageException, IOException {
        Arguments args = Arguments.parse(words, Set.of("sizes", "threads", "json", "seed", "set"), Set.of());
        noPositional(args, "bench");
        List<String> sizes = List.of(args.option("sizes").orElse("shipped,10k").split(","));
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = args.intOption("threads", cores, 1, 256);
        long seed = args.intOption("seed", 20_260_827, 0, Integer.MAX_VALUE);
        List<Integer> threadCounts = new ArrayList<>(List.of(1, 2));
        if (!threadCounts.contains(threads)) {
            threadCounts.add(threads);
        }
        Optional<KnowledgeBase> loaded = loadReportingProblems(config);
        if (loaded.isEmpty()) {
            return FAILURE;
        }
        KnowledgeBase kb = loaded.get();
        Path setPath = args.option("set").map(Path::of).orElse(QuestionSet.DEFAULT_LOCATION);
        List<String> questions = java.nio.file.Files.exists(setPath)
                ? QuestionSet.load(setPath).questions().stream().map(QuestionSet.Question::q).toList()
                : kb.passages().stream().flatMap(p -> p.questions().stream()).toList();
        if (questions.isEmpty()) {
            throw new UsageException("no questions to ask: give a question set with --set");
        }
        Path work = java.nio.file.Files.createTempDirectory("crisisdesk-bench");
        List<BenchResult> results = new ArrayList<>();
        try {
            Benchmark benchmark = new Benchmark(kb, config.knowledge(), questions, work, seed,
                    java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(2), new StderrProgress(stderr));
            for (String size : sizes) {
                results.add(benchmark.run(size.strip(), passages(size.strip()), threadCounts));
            }
        } catch (InvalidKnowledgeException | ReindexInProgressException | EngineException e) {
            stderr.println("crisisdesk: the benchmark could not build its index: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILURE;
        } finally {
            org.crisisdesk.index.IndexStore.deleteRecursively(work);
        }
        String machine = cores + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
        stdout.print(BenchReport.markdown(results, machine));
        if (args.option("json").isPresent()) {
            BenchReport.json(results, machine, Path.of(args.option("json").get()));
        }
        return OK;
    }

    private int health(EngineConfig config, List<String> words) throws UsageException {
        noPositional(Arguments.parse(words, Set.of(), Set.of()), "health");
        try {
            Engine.Health health = Engine.health(config);
            String stale = health.stale() ? "; the knowledge base has changed since it was built (run 'reindex')" : "";
            String asOf = health.manifest().asOfDate().map(d -> ", knowledge as of " + d.display()).orElse("");
            stdout.println("ok: generation " + health.generation() + " (" + health.manifest().passages() + " passages, "
                    + health.manifest().events() + " events, " + health.manifest().sources()
                    + " sources" + asOf + ") answered a probe question in " + health.probeMillis() + " ms" + stale);
            return OK;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("unhealthy: " + e.getMessage());
            return FAILURE;
        }
    }

    /** {@code shipped} is the knowledge base as it is; {@code 10k}, {@code 1m} or a number are passage counts. */
    static int passages(String size) throws UsageException {
        String lower = size.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("shipped")) {
            return 0;
        }
        try {
            if (lower.endsWith("k")) {
                return Math.multiplyExact(Integer.parseInt(lower.substring(0, lower.length() - 1)), 1_000);
            }
            if (lower.endsWith("m")) {
                return Math.multiplyExact(Integer.parseInt(lower.substring(0, lower.length() - 1)), 1_000_000);
            }
            return Integer.parseInt(lower);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("a size is 'shipped', a number, or a number with k or m (10k, 1m), not '"
                    + size + "'");
        }
    }

    static final String OPS_PORT = "CRISISDESK_OPS_PORT";
    static final String OPS_ADDRESS = "CRISISDESK_OPS_ADDRESS";

    /** The port of /healthz and /metrics, or 0 when they are off (the default). */
    private int opsPort() throws UsageException {
        String text = environment.get(OPS_PORT);
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(OPS_PORT + " must be a port number from 1 to 65535, not '" + text + "'");
        }
    }

    private OpsServer startOps(Engine engine, Metrics metrics, int port) throws IOException {
        engine.observe(metrics);
        return OpsServer.start(environment.getOrDefault(OPS_ADDRESS, "127.0.0.1"), port, engine, metrics);
    }

    private int bot(EngineConfig config, List<String> words) throws UsageException, EngineException, IOException {
        noPositional(Arguments.parse(words, Set.of(), Set.of()), "bot");
        if (!BotConfig.tokenGiven(environment)) {
            stderr.println("crisisdesk: the Discord bot needs a bot token in the DISCORD_TOKEN environment variable"
                    + " (or in a file named by DISCORD_TOKEN_FILE). Without one, 'crisisdesk console' offers the same"
                    + " commands locally.");
            return FAILURE;
        }
        BotConfig botConfig;
        try {
            botConfig = BotConfig.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int opsPort = opsPort();
        Engine engine = open(config);
        Metrics metrics = new Metrics();
        OpsServer ops = opsPort > 0 ? startOps(engine, metrics, opsPort) : null;
        try {
            botServer.serve(botConfig, engine, metrics);
            return OK;
        } catch (BotStartException e) {
            engine.close();
            stderr.println("crisisdesk: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.close();
            return FAILURE;
        } finally {
            if (ops != null) {
                ops.close();
            }
        }
    }

    private int gaps(List<String> words) throws UsageException, IOException {
        Arguments args = Arguments.parse(words, Set.of("file", "limit"), Set.of());
        noPositional(args, "gaps");
        Path file = args.option("file").map(Path::of).orElseGet(() -> Path.of(environment.getOrDefault(
                BotConfig.FEEDBACK_LOG, BotConfig.DEFAULT_FEEDBACK_LOG.toString())));
        int limit = args.intOption("limit", 20, 1, 10_000);
        if (!java.nio.file.Files.exists(file)) {
            stdout.println("No feedback recorded yet (" + file + " does not exist).");
            return OK;
        }
        stdout.print(GapsReport.read(file).render(limit));
        return OK;
    }

    private Engine open(EngineConfig config) throws EngineException, IOException {
        return Engine.open(config, new StderrProgress(stderr));
    }

    /** The knowledge base, or empty after printing its problems. */
    private Optional<KnowledgeBase> loadReportingProblems(EngineConfig config) throws IOException {
        try {
            return Optional.of(new KnowledgeLoader().load(config.knowledge()));
        } catch (InvalidKnowledgeException e) {
            printProblems(e.problems());
            return Optional.empty();
        }
    }

    private void printProblems(List<Problem> problems) {
        problems.forEach(stdout::println);
        stderr.println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the knowledge base.");
    }

    private static void noPositional(Arguments args, String command) throws UsageException {
        if (!args.positional().isEmpty()) {
            throw new UsageException(command + " takes no arguments, got '" + args.positional().get(0) + "'");
        }
    }
}
