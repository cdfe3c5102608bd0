package org.crisisdesk.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.crisisdesk.discord.render.AnswerRenderer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.feedback.FeedbackLog;
import org.crisisdesk.index.ProgressListener;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.intent.Intent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end: logs in (every shard), registers the slash commands, and serves them and questions in
 * messages until {@link #close()}. The engine is the caller's to close.
 */
public final class Bot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);

    /** Inline work gets this long before the response is deferred; Discord's deadline is 3 s, with network. */
    static final Duration INLINE_BUDGET = Duration.ofMillis(1500);

    private final List<DiscordApi> shards;
    private final ExecutorService workers;
    private final ExecutorService rebuilds;
    private final ScheduledExecutorService timer;

    private Bot(List<DiscordApi> shards, ExecutorService workers, ExecutorService rebuilds,
                ScheduledExecutorService timer) {
        this.shards = List.copyOf(shards);
        this.workers = workers;
        this.rebuilds = rebuilds;
        this.timer = timer;
    }

    /** Tuning a test or an unusual deployment may need; production uses {@link #defaults()}. */
    record Options(Clock clock, ProgressListener progress, UnaryOperator<DiscordApiBuilder> transport,
                   Duration loginTimeout, java.util.function.Supplier<Duration> inlineBudget) {

        static Options defaults() {
            return new Options(Clock.systemUTC(), ProgressListener.NONE, UnaryOperator.identity(),
                    Duration.ofMinutes(2), () -> INLINE_BUDGET);
        }
    }

    /** Logs in and serves; fails with {@link BotStartException} when Discord cannot be reached in time. */
    public static Bot start(BotConfig config, Engine engine) throws BotStartException {
        return start(config, engine, Options.defaults());
    }

    static Bot start(BotConfig config, Engine engine, Options options) throws BotStartException {
        ExecutorService workers = Executors.newFixedThreadPool(4, threads("crisisdesk-worker"));
        ExecutorService rebuilds = Executors.newSingleThreadExecutor(threads("crisisdesk-reindex"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("crisisdesk-timer"));
        Responder responder = new Responder(workers, timer, options.inlineBudget());
        Cooldown cooldown = new Cooldown(config.cooldown(), options.clock());
        Questions questions = new Questions(engine, new FeedbackLog(config.feedbackLog(), options.clock()),
                new AnswerStore(5000), new AnswerRenderer());
        CommandRegistry registry = new CommandRegistry(List.of(
                new AskCommand(questions, cooldown, responder),
                new TimelineCommand(engine, responder),
                new SourcesCommand(engine),
                new ReindexCommand(engine, new AdminPolicy(config.adminIds()), responder, rebuilds,
                        options.progress()),
                new HelpCommand(config.questionChannel().isPresent(), cooldown.enabled())));
        MessageQuestions messages = new MessageQuestions(questions, cooldown, config.questionChannel(), workers);

        DiscordApiBuilder builder = new DiscordApiBuilder()
                .setToken(config.token())
                .setTotalShards(config.shards())
                // Our own hook disconnects and then closes the engine, in that order.
                .setShutdownHookRegistrationEnabled(false);
        // Message content is privileged: only asked for when the question channel needs it (mentions carry it).
        builder = config.questionChannel().isPresent()
                ? builder.setAllNonPrivilegedIntentsAnd(Intent.MESSAGE_CONTENT)
                : builder.setAllNonPrivilegedIntents();
        builder = options.transport().apply(builder);
        List<DiscordApi> shards = new ArrayList<>();
        try {
            for (CompletableFuture<DiscordApi> login : builder.loginAllShards()) {
                DiscordApi api = login.get(options.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
                shards.add(api);
                api.addSlashCommandCreateListener(e -> registry.onSlashCommand(e.getSlashCommandInteraction()));
                api.addAutocompleteCreateListener(e -> registry.onAutocomplete(e.getAutocompleteInteraction()));
                api.addButtonClickListener(e -> registry.onButton(e.getButtonInteraction()));
                api.addMessageCreateListener(messages::onMessage);
                LOG.info("logged in as {} (shard {} of {})", api.getYourself().getDiscriminatedName(),
                        api.getCurrentShard() + 1, api.getTotalShards());
            }
            registry.register(shards.get(0), config.guildId())
                    .get(options.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            new Bot(shards, workers, rebuilds, timer).close();
            throw new BotStartException("cannot start the Discord bot: "
                    + (e instanceof TimeoutException ? "Discord did not answer in time" : e.getCause().getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            new Bot(shards, workers, rebuilds, timer).close();
            throw new BotStartException("interrupted while starting the Discord bot", e);
        }
        LOG.info("serving /{}", String.join(", /", registry.names()));
        return new Bot(shards, workers, rebuilds, timer);
    }

    /**
     * Serves until the JVM is asked to stop (SIGTERM, Ctrl-C): then disconnects from Discord and closes the engine,
     * in that order, so no answer is attempted on a closed index. Returns once that is done.
     */
    public static void serve(BotConfig config, Engine engine) throws BotStartException, InterruptedException {
        Bot bot = start(config, engine);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            bot.close();
            try {
                engine.close();
            } catch (java.io.IOException e) {
                LOG.warn("closing the engine failed: {}", e.toString());
            }
            stopped.countDown();
        }, "crisisdesk-shutdown"));
        stopped.await();
    }

    /** Disconnects every shard and stops the bot's threads, waiting a little for work in flight. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> disconnects = new ArrayList<>();
        for (DiscordApi api : shards) {
            try {
                disconnects.add(api.disconnect());
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Javacord 3.8.0 race: when the gateway acknowledges the close quickly, its thread pool is shut
                // down before disconnect() schedules its fallback timer. The disconnect itself has completed.
                LOG.debug("Javacord had already stopped shard {}", api.getCurrentShard());
            }
        }
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("disconnecting from Discord did not finish cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ExecutorService executor : List.of(workers, rebuilds, timer)) {
            executor.shutdown();
        }
        try {
            for (ExecutorService executor : List.of(workers, rebuilds, timer)) {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("disconnected from Discord");
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
